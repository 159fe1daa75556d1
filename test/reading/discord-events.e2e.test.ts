import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { APP_ID, FakeDiscord, GUILD_ID, MANAGE_EVENTS, subcommandInput, type RestCall } from '../fakes/discord.js';

/**
 * Sessions in the server's own Events list, end to end: the real discord.js
 * client against the loopback Discord's /guilds/:id/scheduled-events, the
 * reading feature's reconciliation run by the app's tick (and poked by the
 * commands that change a session).
 */

const EVENTS_PATH = `/v10/guilds/${GUILD_ID}/scheduled-events`;

interface Bot {
  fake: FakeDiscord;
  app: App;
  adapter: DiscordAdapter;
  /** Runs /reading <verb> and resolves with the answer's message body, whether it came at once or after a defer. */
  reading(verb: string, values?: Record<string, string>): Promise<any>;
  /** The events Discord holds now, soonest first. */
  events(): Record<string, any>[];
  calls(method: string): RestCall[];
}

const running: Bot[] = [];

async function startBot(options: { manageEvents?: boolean } = {}): Promise<Bot> {
  const fake = new FakeDiscord();
  if (options.manageEvents === false) fake.scheduledEvents.botRolePermissions = '0';
  await fake.listen();
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  const config = loadConfig(
    { YOMIKAI_DB: ':memory:', YOMIKAI_TIMEZONE: 'Asia/Tokyo', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
    {},
  );
  const app = createApp(config, silentLogger(), clock);
  const adapter = new DiscordAdapter(app, config.discord!);
  app.adapters.set('discord', adapter);
  await adapter.start();
  const bot: Bot = {
    fake,
    app,
    adapter,
    async reading(verb, values = {}) {
      const payload = subcommandInput('reading', verb, values);
      const first = await fake.interact(payload);
      const body = first.body.type === 5 ? (await fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(`/${String(payload.token)}/messages/`))).body : first.body.data;
      // The command pokes the events sync; wait for that pass to end.
      await app.idle();
      return body;
    },
    events: () => fake.scheduledEvents.list().sort((a, b) => Date.parse(a.scheduled_start_time) - Date.parse(b.scheduled_start_time)),
    calls: (method) => fake.calls.filter((c) => c.method === method && c.path.startsWith(EVENTS_PATH)),
  };
  running.push(bot);
  return bot;
}

afterEach(async () => {
  for (const bot of running.splice(0)) {
    await bot.app.idle();
    await bot.adapter.stop();
    await bot.fake.close();
    bot.app.close();
  }
});

const text = (body: any): string => JSON.stringify(body);

describe('sessions in Discord’s Events list', () => {
  it('a weekly session becomes its next three meetings as external events: title, times, paper, presenter, channel', async () => {
    const bot = await startBot();
    await bot.reading('add', { title: 'X3D', when: '2026-12-04 20:00', paper: '2004.04730', presenter: 'Aiko', repeat: 'weekly' });
    const events = bot.events();
    expect(events.map((e) => e.scheduled_start_time)).toEqual(['2026-12-04T11:00:00.000Z', '2026-12-11T11:00:00.000Z', '2026-12-18T11:00:00.000Z']);
    for (const event of events) {
      expect(event).toMatchObject({ name: 'X3D', entity_type: 3, privacy_level: 2, entity_metadata: { location: '#reading-group' }, creator_id: APP_ID });
      expect(Date.parse(event.scheduled_end_time) - Date.parse(event.scheduled_start_time)).toBe(60 * 60_000);
      expect(event.description).toContain('arxiv.org/abs/2004.04730');
      expect(event.description).toContain('Presenter: Aiko');
      // The last line is the marker a retry looks for: one per event.
      expect(event.description.split('\n').at(-1)).toMatch(/^yomikai-event:\w+:\w+$/);
    }
    expect(new Set(events.map((e) => e.description.split('\n').at(-1))).size).toBe(3);
    // A tick with nothing changed sends nothing.
    const before = bot.fake.calls.length;
    await bot.app.tick();
    await bot.app.idle();
    expect(bot.calls('POST').length + bot.calls('PATCH').length + bot.calls('DELETE').length).toBe(3);
    expect(bot.fake.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('an edit patches the same events with the new time and presenter', async () => {
    const bot = await startBot();
    await bot.reading('add', { title: 'X3D', when: '2026-12-04 20:00', presenter: 'Aiko', repeat: 'weekly' });
    const ids = bot.events().map((e) => e.id);
    await bot.reading('edit', { session: '1', when: '2026-12-05 21:00', presenter: 'Ben' });
    const events = bot.events();
    expect(events.map((e) => e.id)).toEqual(ids);
    expect(events.map((e) => e.scheduled_start_time)).toEqual(['2026-12-05T12:00:00.000Z', '2026-12-12T12:00:00.000Z', '2026-12-19T12:00:00.000Z']);
    expect(events.every((e) => e.description.includes('Presenter: Ben'))).toBe(true);
    const patches = bot.calls('PATCH');
    expect(patches).toHaveLength(3);
    expect(patches[0]?.body).toMatchObject({ name: 'X3D', scheduled_start_time: '2026-12-05T12:00:00.000Z', scheduled_end_time: '2026-12-05T13:00:00.000Z' });
  });

  it('a skip removes that meeting’s event (and the next one ahead takes its place); a cancel removes them all', async () => {
    const bot = await startBot();
    await bot.reading('add', { title: 'X3D', when: '2026-12-04 20:00', repeat: 'weekly' });
    const [skipped] = bot.events();
    await bot.reading('skip', { session: '1', date: '2026-12-04' });
    expect(bot.calls('DELETE').map((c) => c.path)).toEqual([`${EVENTS_PATH}/${String(skipped?.id)}`]);
    expect(bot.events().map((e) => e.scheduled_start_time)).toEqual(['2026-12-11T11:00:00.000Z', '2026-12-18T11:00:00.000Z', '2026-12-25T11:00:00.000Z']);

    await bot.reading('add', { title: 'Once', when: '2026-12-20 10:00' });
    expect(bot.events()).toHaveLength(4);
    await bot.reading('cancel', { session: '1' });
    expect(bot.events().map((e) => e.name)).toEqual(['Once']);
    await bot.reading('cancel', { session: '2' });
    expect(bot.events()).toEqual([]);
  });

  it('an event Discord stored before answering 503 is found by its marker on the next pass, not made twice', async () => {
    const bot = await startBot();
    bot.fake.faults.failAfterStoring((c) => c.method === 'POST' && c.path === EVENTS_PATH, 503, 1);
    await bot.reading('add', { title: 'Once', when: '2026-12-20 10:00', presenter: 'Aiko' });
    expect(bot.events()).toHaveLength(1); // Discord has it; the bot heard 503 and its row is still 'claimed'.
    await bot.app.tick();
    await bot.app.idle();
    await bot.reading('edit', { session: '1', presenter: 'Ben' });
    expect(bot.events()).toHaveLength(1);
    expect(bot.calls('POST')).toHaveLength(1);
    expect(bot.events()[0]?.description).toContain('Presenter: Ben');
  });

  it('without Manage Events nothing breaks, /reading add says once how to turn it on, and granting it later is enough', async () => {
    const bot = await startBot({ manageEvents: false });
    const first = await bot.reading('add', { title: 'X3D', when: '2026-12-04 20:00', repeat: 'weekly' });
    expect(text(first)).toContain('Session #1');
    expect(text(first)).toContain('Manage Events');
    expect(text(first)).toContain('/reading events state:off');
    const second = await bot.reading('add', { title: 'Once', when: '2026-12-20 10:00' });
    expect(text(second)).toContain('Session #2');
    expect(text(second)).not.toContain('Manage Events');
    await bot.app.tick();
    await bot.app.idle();
    expect(bot.calls('POST')).toEqual([]);
    expect(bot.events()).toEqual([]);

    bot.fake.scheduledEvents.botRolePermissions = String(MANAGE_EVENTS);
    await bot.app.tick();
    await bot.app.idle();
    expect(bot.events()).toHaveLength(4);
  });

  it('/reading events state:off removes the server’s events and makes no more; on brings them back', async () => {
    const bot = await startBot();
    await bot.reading('add', { title: 'X3D', when: '2026-12-04 20:00', repeat: 'weekly' });
    expect(bot.events()).toHaveLength(3);
    const off = await bot.reading('events', { state: 'off' });
    expect(text(off)).toContain('no longer');
    expect(bot.events()).toEqual([]);
    await bot.reading('add', { title: 'Once', when: '2026-12-20 10:00' });
    await bot.app.tick();
    await bot.app.idle();
    expect(bot.events()).toEqual([]);
    await bot.reading('events', { state: 'on' });
    expect(bot.events()).toHaveLength(4);
  });
});
