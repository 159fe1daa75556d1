import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Reply } from '../../../src/core/reply.js';
import { DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { renderReply } from '../../../src/adapters/discord/render.js';
import { APP_ID, FakeDiscord, OTHER_BOT, USER, type RestCall } from '../../fakes/discord.js';

/**
 * Scheduled posts through the real discord.js REST client against a Discord
 * that misbehaves: hangs, 503 after storing, 429, busy history, other bots.
 * Deadlines are short here (the production default is 10 s); the test's own
 * timeout is only a hang detector.
 */
const CALL_TIMEOUT_MS = 1_000;
const MINUTE = 60_000;

const round = (n: string): Reply => ({ kind: 'quiz', title: `Question ${n}`, text: 'Which model?', buttons: [{ id: `q1:a:${n}:0`, label: 'X3D' }] });
const posts = (channel: string) => (call: RestCall) => call.method === 'POST' && call.path === `/v10/channels/${channel}/messages`;
const historyReads = (channel: string) => (call: RestCall) => call.method === 'GET' && call.path === `/v10/channels/${channel}/messages`;

describe('Discord scheduled posts under platform faults', () => {
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  const fake = new FakeDiscord({ clock });
  let app: App;
  let adapter: DiscordAdapter;
  let channelSeq = 700000000000000000n;
  const newChannel = () => String(++channelSeq);

  beforeAll(async () => {
    await fake.listen();
    const config = loadConfig({ YOMIKAI_DB: ':memory:', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, {});
    app = createApp(config, silentLogger(), clock);
    adapter = new DiscordAdapter(app, config.discord!, { callTimeoutMs: CALL_TIMEOUT_MS, maxRateLimitWaitMs: 3_000 });
    await adapter.start();
  });

  afterEach(() => fake.faults.clear());

  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  it('a hung post answers `failed` by its deadline, and another channel posts meanwhile', async () => {
    const [stuck, free] = [newChannel(), newChannel()];
    fake.faults.hang(posts(stuck));
    const hung = adapter.post(stuck, round('h1'), { idempotencyKey: 'yq-h1' });
    await fake.waitForCall(posts(stuck));
    expect(await adapter.post(free, round('h2'), { idempotencyKey: 'yq-h2' })).toMatchObject({ ok: true });
    expect(await hung).toMatchObject({ ok: false, reason: 'failed' });
    // A hang detector, not a stopwatch: ten times our deadline, below discord.js's own 15 s default.
  }, 10_000);

  it('503 after storing: the client does not re-send; a retry finds the stored message and posts nothing', async () => {
    const channel = newChannel();
    const since = clock.now();
    fake.faults.failAfterStoring(posts(channel), 503);
    expect(await adapter.post(channel, round('s1'), { idempotencyKey: 'yq-s1', since })).toMatchObject({ ok: false, reason: 'failed' });
    expect(fake.calls.filter(posts(channel))).toHaveLength(1);
    const [stored] = fake.channelMessages(channel);

    clock.advance(30 * MINUTE); // long enough for Discord to forget the nonce: only history can tell
    const retried = await adapter.post(channel, round('s1'), { idempotencyKey: 'yq-s1', retry: true, since });
    expect(retried).toEqual({ ok: true, messageId: stored?.id });
    expect(fake.channelMessages(channel)).toHaveLength(1);
    expect(fake.calls.filter(posts(channel))).toHaveLength(1);
  });

  it('another bot’s identical message never counts as ours', async () => {
    const channel = newChannel();
    const since = clock.now();
    const [rendered] = renderReply({ ...round('o1'), ephemeral: false });
    fake.addMessage(channel, OTHER_BOT, { embeds: rendered?.embeds ?? [], components: rendered?.components ?? [] });
    expect(await adapter.find(channel, round('o1'), 'yq-o1', since)).toEqual({ state: 'absent' });

    const posted = await adapter.post(channel, round('o1'), { idempotencyKey: 'yq-o1', retry: true, since });
    expect(posted.ok).toBe(true);
    const ours = fake.channelMessages(channel).filter((m) => (m.author as { id: string }).id === APP_ID);
    expect(ours.map((m) => m.id)).toEqual([posted.ok ? posted.messageId : '']);
  });

  it('finds our message 300 messages back when `since` covers it', async () => {
    const channel = newChannel();
    const since = clock.now();
    const first = await adapter.post(channel, round('b1'), { idempotencyKey: 'yq-b1', since });
    clock.advance(MINUTE);
    fake.fill(channel, 300, USER);
    clock.advance(30 * MINUTE);

    expect(await adapter.find(channel, round('b1'), 'yq-b1', since)).toMatchObject({ state: 'found', messageId: first.ok ? first.messageId : '' });
    const retried = await adapter.post(channel, round('b1'), { idempotencyKey: 'yq-b1', retry: true, since });
    expect(retried).toEqual(first);
    expect(fake.calls.filter(posts(channel))).toHaveLength(1);
  });

  it('a channel busier than the page bound answers `unknown`, and a retry there posts nothing', async () => {
    const channel = newChannel();
    const since = clock.now();
    clock.advance(MINUTE);
    fake.fill(channel, 50 * 100 + 1, USER);
    expect(await adapter.find(channel, round('r1'), 'yq-r1', since)).toMatchObject({ state: 'unknown' });
    expect(fake.calls.filter(historyReads(channel))).toHaveLength(50);
    expect(await adapter.post(channel, round('r1'), { idempotencyKey: 'yq-r1', retry: true, since })).toMatchObject({ ok: false, reason: 'failed' });
    expect(fake.calls.filter(posts(channel))).toHaveLength(0);
  });

  it('history that hangs or answers 5xx: the retry answers `failed` and posts nothing', async () => {
    const [hanging, failing] = [newChannel(), newChannel()];
    fake.faults.hang(historyReads(hanging)).failAfterStoring(historyReads(failing), 503);
    for (const channel of [hanging, failing]) {
      const result = await adapter.post(channel, round(`u${channel}`), { idempotencyKey: `yq-u${channel}`, retry: true, since: clock.now() });
      expect(result).toMatchObject({ ok: false, reason: 'failed' });
      expect(fake.calls.filter(posts(channel))).toHaveLength(0);
    }
  });

  it('history we may not read: the retry posts anyway, with the enforced nonce', async () => {
    const channel = newChannel();
    fake.unreadableHistory.add(channel);
    const result = await adapter.post(channel, round('n1'), { idempotencyKey: 'yq-n1', retry: true, since: clock.now() });
    expect(result.ok).toBe(true);
    const [call] = fake.calls.filter(posts(channel));
    expect(call?.body).toMatchObject({ nonce: 'yq-n1', enforce_nonce: true });
  });

  it('429 on a post: a long Retry-After fails the call at once, a short one is waited out; never two messages', async () => {
    const [long, short] = [newChannel(), newChannel()];
    fake.faults.rateLimit(posts(long), 600).rateLimit(posts(short), 1);
    expect(await adapter.post(long, round('l1'), { idempotencyKey: 'yq-l1' })).toMatchObject({ ok: false, reason: 'failed' });
    expect(fake.channelMessages(long)).toHaveLength(0);

    expect(await adapter.post(short, round('l2'), { idempotencyKey: 'yq-l2' })).toMatchObject({ ok: true });
    expect(fake.calls.filter(posts(short))).toHaveLength(2);
    expect(fake.channelMessages(short)).toHaveLength(1);
  });
});
