import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Reply } from '../../../src/core/reply.js';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { POST_EVENT } from '../../../src/adapters/slack/deliver.js';
import { testApp } from '../../helpers/app.js';
import {
  BOT_ID, FakeSlack, FakeSlackChannels, MEMBER, OTHER_APP, method, slackApi, type FakeServer, type Recorded,
} from '../../fakes/slack.js';

/**
 * Scheduled posts through the real WebClient (via the adapter) against a
 * Slack that misbehaves: hangs, 503 after storing, 429, busy history, other
 * apps. Deadlines are short here (the production default is 10 s); the
 * tests' own timeouts are only hang detectors.
 */
const CALL_TIMEOUT_MS = 1_000;
const MINUTE = 60_000;
const NO_SCOPE = 'CNOSCOPE';

const round = (n: string): Reply => ({ kind: 'quiz', title: `Question ${n}`, text: 'Which model?', buttons: [{ id: `q1:a:${n}:0`, label: 'X3D' }] });
const keyed = (key: string) => ({ event_type: POST_EVENT, event_payload: { key } });
const postsTo = (channel: string) => (r: Recorded) => method('chat.postMessage')(r) && r.body.channel === channel;
const historyOf = (channel: string) => (r: Recorded) => method('conversations.history')(r) && r.body.channel === channel;

describe('Slack scheduled posts under platform faults', () => {
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  const channels = new FakeSlackChannels({ clock });
  let slack: FakeSlack;
  let api: FakeServer;
  let app: App;
  let adapter: SlackAdapter;
  let channelSeq = 0;
  const newChannel = () => `CF${++channelSeq}`;
  const requestsFor = (match: (r: Recorded) => boolean) => api.requests.filter(match);

  beforeAll(async () => {
    const history = channels.handlers['conversations.history']!;
    slack = await FakeSlack.start(
      slackApi({
        ...channels.handlers,
        'conversations.history': (r) => (r.body.channel === NO_SCOPE ? { ok: false, error: 'missing_scope', needed: 'channels:history' } : history(r)),
      }),
    );
    api = slack.api;
    app = testApp(slack.env, clock);
    adapter = new SlackAdapter(app, { host: '127.0.0.1', callTimeoutMs: CALL_TIMEOUT_MS });
    await adapter.start();
  });

  afterEach(() => api.faults.clear());

  afterAll(async () => {
    await adapter?.stop();
    await slack?.close();
    app?.close();
  });

  it('a hung post answers `failed` by its deadline, and another channel posts meanwhile', async () => {
    const [stuck, free] = [newChannel(), newChannel()];
    api.faults.hang(postsTo(stuck));
    const hung = adapter.post(stuck, round('h1'), { idempotencyKey: 'yq-h1' });
    await api.waitFor(postsTo(stuck));
    expect(await adapter.post(free, round('h2'), { idempotencyKey: 'yq-h2' })).toMatchObject({ ok: true });
    expect(await hung).toMatchObject({ ok: false, reason: 'failed' });
    // A hang detector, not a stopwatch: ten times our deadline (the WebClient's default has none).
  }, 10_000);

  it('503 after storing: the client does not re-send; a retry finds the stored message and posts nothing', async () => {
    const channel = newChannel();
    const since = clock.now();
    api.faults.failAfterStoring(postsTo(channel), 503);
    expect(await adapter.post(channel, round('s1'), { idempotencyKey: 'yq-s1', since })).toMatchObject({ ok: false, reason: 'failed' });
    expect(channels.inChannel(channel)).toHaveLength(1);
    expect(requestsFor(postsTo(channel))).toHaveLength(1);

    clock.advance(30 * MINUTE);
    const retried = await adapter.post(channel, round('s1'), { idempotencyKey: 'yq-s1', retry: true, since });
    expect(retried).toEqual({ ok: true, messageId: channels.inChannel(channel)[0]?.ts });
    expect(channels.inChannel(channel)).toHaveLength(1);
    expect(requestsFor(postsTo(channel))).toHaveLength(1);
  });

  it('another app’s message carrying our key never counts as ours', async () => {
    const channel = newChannel();
    const since = clock.now();
    channels.add(channel, OTHER_APP, { text: 'Question o1', metadata: keyed('yq-o1') });
    expect(await adapter.find(channel, round('o1'), 'yq-o1', since)).toEqual({ state: 'absent' });

    const posted = await adapter.post(channel, round('o1'), { idempotencyKey: 'yq-o1', retry: true, since });
    expect(posted.ok).toBe(true);
    const ours = channels.inChannel(channel).filter((m) => m.bot_id === BOT_ID);
    expect(ours.map((m) => m.ts)).toEqual([posted.ok ? posted.messageId : '']);
  });

  it('finds our message 300 messages back when `since` covers it (history is paged)', async () => {
    const channel = newChannel();
    const since = clock.now();
    const first = await adapter.post(channel, round('b1'), { idempotencyKey: 'yq-b1', since });
    clock.advance(MINUTE);
    channels.fill(channel, 300, MEMBER);
    clock.advance(30 * MINUTE);

    expect(await adapter.find(channel, round('b1'), 'yq-b1', since)).toMatchObject({ state: 'found', messageId: first.ok ? first.messageId : '' });
    expect(await adapter.post(channel, round('b1'), { idempotencyKey: 'yq-b1', retry: true, since })).toEqual(first);
    expect(requestsFor(postsTo(channel))).toHaveLength(1);
    // Metadata is only there because we ask for it, as on Slack.
    expect(requestsFor(historyOf(channel)).every((r) => String(r.body.include_all_metadata) === 'true')).toBe(true);
  });

  it('a channel busier than the page bound answers `unknown`, and a retry there posts nothing', async () => {
    const channel = newChannel();
    const since = clock.now();
    clock.advance(MINUTE);
    channels.fill(channel, 50 * 200 + 1, MEMBER);
    expect(await adapter.find(channel, round('r1'), 'yq-r1', since)).toMatchObject({ state: 'unknown' });
    expect(requestsFor(historyOf(channel))).toHaveLength(50);
    expect(await adapter.post(channel, round('r1'), { idempotencyKey: 'yq-r1', retry: true, since })).toMatchObject({ ok: false, reason: 'failed' });
    expect(requestsFor(postsTo(channel))).toHaveLength(0);
  });

  it('history that hangs or answers 5xx: the retry answers `failed` and posts nothing', async () => {
    const [hanging, failing] = [newChannel(), newChannel()];
    api.faults.hang(historyOf(hanging)).failAfterStoring(historyOf(failing), 503);
    for (const channel of [hanging, failing]) {
      const result = await adapter.post(channel, round(`u${channel}`), { idempotencyKey: `yq-u${channel}`, retry: true, since: clock.now() });
      expect(result).toMatchObject({ ok: false, reason: 'failed' });
      expect(requestsFor(postsTo(channel))).toHaveLength(0);
    }
  });

  it('history we may not read (missing scope): the retry posts anyway, with the key', async () => {
    const result = await adapter.post(NO_SCOPE, round('n1'), { idempotencyKey: 'yq-n1', retry: true, since: clock.now() });
    expect(result.ok).toBe(true);
    expect(channels.inChannel(NO_SCOPE).map((m) => m.metadata)).toEqual([keyed('yq-n1')]);
  });

  it('429 on a post fails the call at once (no wait, no re-send); never two messages', async () => {
    const channel = newChannel();
    api.faults.rateLimit(postsTo(channel), 600);
    expect(await adapter.post(channel, round('l1'), { idempotencyKey: 'yq-l1' })).toMatchObject({ ok: false, reason: 'failed' });
    expect(requestsFor(postsTo(channel))).toHaveLength(1);
    expect(channels.inChannel(channel)).toHaveLength(0);
  }, 10_000);

  it('an edit answered 503 is re-sent by the client (an edit is idempotent) and lands', async () => {
    const channel = newChannel();
    const posted = await adapter.post(channel, round('e1'));
    const ts = posted.ok ? posted.messageId : '';
    api.faults.failAfterStoring((r) => method('chat.update')(r) && r.body.channel === channel, 503);
    expect(await adapter.edit(channel, ts, { ...round('e1'), text: 'Answers closed' })).toEqual({ ok: true, messageId: ts });
    expect(requestsFor((r) => method('chat.update')(r) && r.body.channel === channel)).toHaveLength(2);
    expect(channels.find(channel, ts)?.text).toContain('Answers closed');
  });
});
