import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { commandDefinitions } from '../../src/adapters/discord/definitions.js';
import { allCommands } from '../../src/app.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, buttonPress, fakeUser, message, subcommandInput, type RestCall } from '../fakes/discord.js';

const commands = allCommands();

const PRESENTER = '400000000000000077';

/** /reading <verb> as Discord sends it: the verb is a type-1 subcommand holding its string options, and the presenter a member pick. */
function reading(verb: string, values: Record<string, string>, presenter?: { id: string; nick: string }) {
  const pick = presenter && { option: 'presenter', user: fakeUser(presenter.id, 'ben', 'Ben G'), nick: presenter.nick };
  return subcommandInput('reading', verb, values, {}, pick);
}

describe('reading sessions on Discord (loopback)', () => {
  const fake = new FakeDiscord();
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  let app: App;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await fake.listen();
    const config = loadConfig(
      { YOMIKAI_DB: ':memory:', YOMIKAI_TIMEZONE: 'Asia/Tokyo', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      {},
    );
    app = createApp(config, silentLogger(), clock);
    adapter = new DiscordAdapter(app, config.discord!);
    app.adapters.set('discord', adapter);
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  const interact = (payload: Record<string, unknown>): Promise<RestCall> => fake.interact(payload);

  it('registers /reading with its verbs as subcommands and presenter as Discord’s member picker', () => {
    const definition = commandDefinitions(commands).find((c) => c.name === 'reading') as { options: { name: string; type: number; options?: { name: string; type: number }[] }[] };
    expect(definition.options.map((o) => [o.name, o.type])).toEqual([['add', 1], ['list', 1], ['edit', 1], ['skip', 1], ['cancel', 1], ['ics', 1], ['reminders', 1], ['events', 1], ['feed', 1], ['nominate', 1], ['nominations', 1], ['withdraw', 1], ['vote', 1]]);
    const add = definition.options.find((o) => o.name === 'add');
    expect(add?.options?.find((o) => o.name === 'presenter')?.type).toBe(6);
    expect(add?.options?.find((o) => o.name === 'title')?.type).toBe(3);
  });

  it('add → RSVP button → reminder posted with the one deliberate mention → ics as a file', async () => {
    const added = await interact(reading('add', { title: 'X3D @everyone', when: 'next Friday 20:00', paper: '2004.04730' }, { id: PRESENTER, nick: 'Benjamin' }));
    const data = added.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = data.embeds;
    expect(embed.title).not.toMatch(/(^|[^\u200b])@everyone/);
    const when = embed.fields.find((f: { name: string }) => f.name === 'When').value as string;
    // On a Tuesday, "next Friday" is next week's Friday (the time layer's rule).
    const stamp = Math.floor(Date.parse('2026-12-11T11:00:00Z') / 1000);
    expect(when).toContain('2026-12-11 (Fri) 20:00 Asia/Tokyo');
    expect(when).toContain(`<t:${stamp}:F>`);
    expect(when).toContain(`<t:${stamp}:R>`);
    const ids = data.components.flatMap((row: { components: { custom_id: string }[] }) => row.components.map((c) => c.custom_id));
    expect(ids).toEqual([expect.stringMatching(/^r1:v:\d+:g$/), expect.stringMatching(/^r1:v:\d+:m$/), expect.stringMatching(/^r1:v:\d+:n$/)]);

    const pressed = await interact(buttonPress(ids[0], message(CHANNEL_ID, data)));
    expect(pressed.body.data.flags).toBe(64);
    expect(pressed.body.data.embeds[0].description).toContain('Noted: going');
    // The add confirmation itself shows the new count: asked `with_response`, it is edited through the channel.
    expect(added.query.get('with_response')).toBe('true');
    const live = await fake.waitForCall((call) => call.method === 'PATCH' && call.path.startsWith(`/v10/channels/${CHANNEL_ID}/messages/`));
    expect(JSON.stringify(live.body.components)).toContain('Going (1)');
    expect(live.body.embeds[0].fields.find((f: { name: string }) => f.name.startsWith('Going')).value).toBe('Reader');

    clock.set('2026-12-10T11:00:00Z');
    await app.tick();
    const reminder = await fake.waitForCall((call) => call.method === 'POST' && call.path === `/v10/channels/${CHANNEL_ID}/messages`);
    expect(reminder.body.content).toBe(`<@${PRESENTER}>`);
    expect(reminder.body.allowed_mentions).toEqual({ parse: [], users: [PRESENTER] });
    expect(reminder.body.embeds[0].title).toContain('In 1d');
    expect(reminder.body.embeds[0].fields.find((f: { name: string }) => f.name === 'Presenter').value).toBe('Benjamin');
    const going = reminder.body.embeds[0].fields.find((f: { name: string }) => f.name.startsWith('Going'));
    expect(going.name).toBe('Going (1)');
    expect(going.value).toBe('Reader');

    const ics = await interact(reading('ics', {}));
    expect(ics.files?.[0]?.name).toBe('yomikai-reading.ics');
    expect(ics.files?.[0]?.content).toContain('BEGIN:VCALENDAR');
    // The interaction reply's file part says what it is, as channel posts do, and ends as RFC 5545 asks.
    expect(ics.files?.[0]?.type).toBe('text/calendar');
    expect(ics.files?.[0]?.content.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('/reading list pages with buttons: page 2 is reached by pressing Next (callback type 7)', async () => {
    // One session from the test above, eight more: nine in all, eight to a page.
    for (let day = 15; day <= 22; day++) await interact(reading('add', { title: `Paper ${day}`, when: `2026-12-${day} 20:00` }));
    const first = await interact(reading('list', {}));
    const buttons = first.body.data.components.flatMap((row: { components: { custom_id: string; disabled?: boolean }[] }) => row.components);
    const next = buttons.find((b: { custom_id: string }) => b.custom_id === 'p2:reading.list:2:en:');
    expect(next).toMatchObject({ disabled: false });
    expect(JSON.stringify(first.body.data.embeds)).not.toContain('Paper 22');

    const press = await interact(buttonPress(next.custom_id, message(CHANNEL_ID, first.body.data)));
    expect(press.body.type).toBe(7);
    const page2 = JSON.stringify(press.body.data.embeds);
    expect(page2).toContain('Paper 22');
    expect(page2).not.toContain('Paper 15');
    expect(press.body.data.allowed_mentions).toEqual({ parse: [] });
  });
});
