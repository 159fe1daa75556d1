import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Place } from '../../../src/core/invocation.js';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { testApp } from '../../helpers/app.js';
import { say } from '../../reading/harness.js';
import { FakeSlack, FakeSlackChannels, method, slackApi, type Handler, type Recorded } from '../../fakes/slack.js';
import { FakeSlackFiles } from '../../fakes/slack-files.js';
import { FakeSlackUsers } from '../../fakes/slack-users.js';

/**
 * Slack on a par with Discord: /reading ics arrives as a real file, and the
 * names others read (RSVP lists) are display names from users.info, cached.
 * The real Bolt app against the fake Web API on 127.0.0.1.
 */
const AIKO = 'U1AIKO';
const SLACK_PLACE: Place = { platform: 'slack', scope: 'T1', channel: 'C1' };
type Block = { type: string; elements?: { action_id?: string }[] };
const buttonsOf = (blocks: unknown) => (blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

interface Bench {
  slack: FakeSlack;
  app: App;
  adapter: SlackAdapter;
  clock: ManualClock;
  close(): Promise<void>;
}

async function bench(extra: Record<string, Handler>): Promise<Bench> {
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  const slack = await FakeSlack.start(slackApi(extra));
  const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo', ...slack.env }, clock);
  const adapter = new SlackAdapter(app, { host: '127.0.0.1' });
  await adapter.start();
  app.adapters.set('slack', adapter);
  return { slack, app, adapter, clock, close: async () => (await adapter.stop(), app.close(), await slack.close()) };
}

describe('/reading ics on Slack: a real calendar file', () => {
  const files = new FakeSlackFiles();
  let b: Bench;
  beforeAll(async () => {
    b = await bench({ ...new FakeSlackChannels().handlers, ...files.handlers });
  });
  afterAll(() => b?.close());

  it('is uploaded (getUploadURLExternal, the bytes, completeUploadExternal) into the asker\'s DM, the calendar byte for byte', async () => {
    await b.slack.slashToChannel('/yomikai', 'reading add title:"X3D" when:"金曜 20時"', AIKO);
    const answer = await b.slack.slash('/yomikai', 'reading ics', AIKO);

    const asked = await b.slack.api.waitFor(method('files.getUploadURLExternal'));
    const completed = await b.slack.api.waitFor(method('files.completeUploadExternal'));
    expect((await b.slack.api.waitFor(method('conversations.open'))).body.users).toBe(AIKO);
    expect(asked.body.filename).toBe('yomikai-reading.ics');
    expect(completed.body.channel_id).toBe(`D${AIKO}`);
    const [file] = files.files;
    expect(file?.completed).toEqual({ channel: `D${AIKO}`, title: 'yomikai-reading.ics' });

    // The same command through dispatch, at the same instant, gives the calendar the file must hold.
    const expected = (await say(b.app, '/reading ics', { place: SLACK_PLACE, actor: { id: AIKO } })).reply.attachments?.[0]?.content;
    expect(expected).toContain('BEGIN:VCALENDAR');
    const bytes = await files.bytes(file!);
    expect(bytes.toString('utf8')).toBe(expected);
    expect(file!.length).toBe(bytes.length);

    // The private answer says where the file went, and no longer pastes it as a code block.
    const shown = JSON.stringify(answer.body);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shown).toContain('direct messages');
    expect(shown).not.toContain('BEGIN:VCALENDAR');
  });
});

describe('/reading ics on Slack without files:write', () => {
  let b: Bench;
  beforeAll(async () => {
    b = await bench({ 'files.getUploadURLExternal': () => ({ ok: false, error: 'missing_scope', needed: 'files:write' }) });
  });
  afterAll(() => b?.close());

  it('still answers, with the calendar as a code block to copy', async () => {
    const answer = await b.slack.slash('/yomikai', 'reading ics', AIKO);
    expect(JSON.stringify(answer.body)).toContain('BEGIN:VCALENDAR');
    expect(b.slack.api.requests.some(method('files.completeUploadExternal'))).toBe(false);
  });
});

describe('the /reading add card where the bot is not in the channel', () => {
  let b: Bench;
  beforeAll(async () => {
    b = await bench({ 'chat.postMessage': () => ({ ok: false, error: 'not_in_channel' }) });
  });
  afterAll(() => b?.close());

  it('is still shown to the channel through the response_url (only without live counts)', async () => {
    const answer = await b.slack.slash('/yomikai', 'reading add title:"X3D" when:"金曜 20時"', AIKO);
    expect(b.slack.api.requests.some(method('chat.postMessage'))).toBe(true);
    expect(answer.body.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.body.blocks)).toContain('Going (0)');
    expect((b.app.db.prepare('SELECT count(*) AS n FROM reading_add_messages').get() as { n: number }).n).toBe(0);
  });
});

describe('names on Slack: display names from users.info, cached, never pings', () => {
  const users = new FakeSlackUsers();
  const channels = new FakeSlackChannels();
  let b: Bench;
  beforeAll(async () => {
    users.profiles.set('U2', { name: 'chie', display_name: 'Chie *T* <@UEVIL> <!channel>', real_name: 'Chie Tanaka' });
    users.profiles.set('U4', { name: 'eri', real_name: 'Eri Sato' });
    users.failing.add('U3');
    b = await bench({ ...channels.handlers, ...users.handlers });
  });
  afterAll(() => b?.close());

  const click = (actionId: string, id: string, name: string): Promise<Recorded> => b.slack.click({ actionId, user: { id, name }, ephemeral: false });

  it('RSVP lists show display names (else real names, else the handle), escaped, looked up once per person', async () => {
    const added = await b.slack.slashToChannel('/yomikai', 'reading add title:"X3D" when:"木曜 20時"', AIKO);
    const going = buttonsOf(added.body.blocks)[0]!.action_id!;
    const maybe = buttonsOf(added.body.blocks)[1]!.action_id!;

    await click(going, 'U2', 'chie');
    await click(maybe, 'U2', 'chie');
    await click(going, 'U2', 'chie');
    expect(users.lookupsOf('U2')).toBe(1);
    await click(going, 'U3', 'dan');
    await click(going, 'U4', 'eri');

    const before = b.slack.api.requests.length;
    b.clock.set('2026-12-02T11:00:00Z'); // 24 h before Thursday 20:00 in Tokyo
    await b.app.tick();
    const reminder = b.slack.api.requests.slice(before).find(method('chat.postMessage'));
    const text = JSON.stringify(reminder?.body.blocks);
    expect(text).toContain('Chie ');
    expect(text).toContain('Eri Sato');
    // users.info failed for U3: the handle Slack sent stands in.
    expect(text).toContain('dan');
    expect(text).not.toContain('<@');
    expect(text).not.toContain('<!channel>');
  });

  it('asks again once the cached name is older than its time-to-live (the injected clock), and shows the new name', async () => {
    const added = await b.slack.slashToChannel('/yomikai', 'reading add title:"NeRF" when:"2026-12-20 20:00"', AIKO);
    const going = buttonsOf(added.body.blocks)[0]!.action_id!;
    const seen = users.lookupsOf('U2');
    await click(going, 'U2', 'chie'); // a day after the first look-up: stale, asked again
    expect(users.lookupsOf('U2')).toBe(seen + 1);
    users.profiles.set('U2', { name: 'chie', display_name: 'Chie T.' });
    await click(going, 'U2', 'chie');
    expect(users.lookupsOf('U2')).toBe(seen + 1);
    expect(storedName('U2')).toContain('Chie *T*');
    b.clock.advance(61 * 60_000);
    await click(going, 'U2', 'chie');
    expect(users.lookupsOf('U2')).toBe(seen + 2);
    expect(storedName('U2')).toBe('Chie T.');
  });

  it('a rotation typed as mentions shows display names (users.info), and only the id is kept for the reminder ping', async () => {
    const card = await b.slack.slashToChannel('/yomikai', 'reading add title:"Rotating" when:"2026-12-21 20:00" rotation:<@U2>,<@U4>,<@U5>', AIKO);
    const shown = JSON.stringify(card.body.blocks);
    expect(shown).toContain('Chie T., Eri Sato, u5');
    expect(shown).not.toContain('<@');
    const stored = b.app.db.prepare("SELECT rotation FROM reading_sessions WHERE title = 'Rotating'").get() as { rotation: string };
    expect(JSON.parse(stored.rotation)).toEqual([{ id: 'U2', name: 'Chie T.' }, { id: 'U4', name: 'Eri Sato' }, { id: 'U5', name: 'u5' }]);
  });

  const storedName = (id: string): string =>
    (b.app.db.prepare('SELECT user_name FROM reading_rsvps WHERE user_id = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1').get(id) as { user_name: string }).user_name;
});
