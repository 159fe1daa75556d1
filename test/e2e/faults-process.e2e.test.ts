import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Place } from '../../src/core/invocation.js';
import { APP_ID, FakeDiscord, GUILD_ID } from '../fakes/discord.js';
import { testApp } from '../helpers/app.js';
import { startBot, stopBot, type Bot } from '../helpers/bot-process.js';
import { ShiftedClock, titled } from '../helpers/discord-processes.js';
import { say } from '../reading/harness.js';

/**
 * Crashes at known points and two bots on one database, as whole OS
 * processes against the loopback Discord. YOMIKAI_FAULT_EXIT_AFTER makes a
 * process kill itself (SIGKILL, as kill -9) right after a named step of
 * scheduled work; the next process must finish the job, posting nothing twice.
 * The fake forgets its nonces before each restart (Discord keeps them only
 * minutes), so only the bot's own look into the channel history stops a repeat.
 */

const channel = (i: number) => `30000000000000${String(100 + i)}`;
const place = (i: number): Place => ({ platform: 'discord', scope: GUILD_ID, channel: channel(i) });

/** Schedules (and reading sessions) written into the database file before any bot starts. */
async function prepare(file: string, channels: readonly number[], sessions: readonly number[]): Promise<void> {
  const app = testApp({ YOMIKAI_DB: file, YOMIKAI_TIMEZONE: 'UTC' }, new ManualClock('2027-01-10T00:00:00Z'));
  for (const i of channels) app.quiz.schedule(place(i), { id: 'admin' }, { time: '09:00', timezone: 'UTC', revealAfter: '10m' }, 'UTC');
  for (const i of sessions) {
    const added = await say(app, `/reading add title:"Paper ${i}" when:"2027-01-12 09:00"`, { place: place(i) });
    if (added.status !== 'ok') throw new Error(`could not add a session: ${JSON.stringify(added.reply)}`);
  }
  app.close();
}

describe('scheduled work across hard crashes and two processes', () => {
  const clock = new ShiftedClock();
  const fake = new FakeDiscord({ clock });
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-faults-process-'));
  const bots: Bot[] = [];
  const env = (file: string, extra: Record<string, string> = {}) => ({
    YOMIKAI_DB: file,
    DISCORD_TOKEN: 'test-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  });
  const run = (file: string, now: string, extra: Record<string, string> = {}) => {
    clock.moveTo(now);
    const bot = startBot(env(file, extra), now);
    bots.push(bot);
    return bot;
  };
  /** A bot with a fault switch: it must reach the step and die there, as kill -9 would. */
  const crashAt = async (file: string, now: string, step: string) => {
    const bot = run(file, now, { YOMIKAI_FAULT_EXIT_AFTER: step });
    expect(await bot.exited, `the bot did not die after "${step}":\n${bot.log}`).toBe('SIGKILL');
    fake.forgetNonces();
  };

  beforeAll(() => fake.listen());
  afterAll(async () => {
    for (const bot of bots) await stopBot(bot, 'SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a kill -9 right after the claim, the post, the record or the reveal claim: each round and reveal still comes exactly once', async () => {
    onTestFailed(() => console.error(bots.map((bot, i) => `--- bot ${i + 1} log ---\n${bot.log}`).join('\n')));
    const file = join(dir, 'crash.db');
    await prepare(file, [0], []);
    const chan = channel(0);
    const round = (day: string) => titled(fake, chan, `Daily quiz · ${day}`);
    const answer = (day: string) => titled(fake, chan, `Quiz answer · ${day}`);

    // Day 1: dead after the claim; the next process (past the dead one's lease) posts the round.
    await crashAt(file, '2027-01-11T09:00:05Z', 'claim');
    expect(round('2027-01-11')).toHaveLength(0);
    let bot = run(file, '2027-01-11T09:03:05Z');
    await bot.waitForLog('quiz: round posted');
    await stopBot(bot, 'SIGTERM');
    expect(round('2027-01-11')).toHaveLength(1);
    // Its reveal: dead after claiming it; the next process closes the buttons and posts the answer.
    await crashAt(file, '2027-01-11T09:10:05Z', 'reveal-claim');
    bot = run(file, '2027-01-11T09:13:05Z');
    await fake.waitForCall((c) => c.method === 'POST' && c.path === `/v10/channels/${chan}/messages` && String(c.body?.embeds?.[0]?.title).startsWith('Quiz answer'));
    await bot.waitForLog('quiz: tick done');
    await stopBot(bot, 'SIGTERM');
    expect(answer('2027-01-11')).toHaveLength(1);
    const closed = round('2027-01-11')[0]?.['components'] as { components: { disabled?: boolean }[] }[];
    expect(closed.flatMap((row) => row.components).every((button) => button.disabled)).toBe(true);

    // Day 2: dead after the post, before the record; the next process finds the post in the history.
    await crashAt(file, '2027-01-12T09:00:05Z', 'post');
    expect(round('2027-01-12')).toHaveLength(1);
    bot = run(file, '2027-01-12T09:03:05Z');
    await bot.waitForLog('quiz: round posted');
    await stopBot(bot, 'SIGTERM');
    expect(round('2027-01-12')).toHaveLength(1);
    // Its reveal: dead after the answer was posted, before the record.
    await crashAt(file, '2027-01-12T09:10:05Z', 'post'); // (the reveal's post: 'post' is the step's name for either)
    expect(answer('2027-01-12')).toHaveLength(1);
    bot = run(file, '2027-01-12T09:13:05Z');
    await bot.waitForLog('quiz: tick done');
    await stopBot(bot, 'SIGTERM');
    expect(answer('2027-01-12')).toHaveLength(1);

    // Day 3: dead after the record; nothing is left to do, and nothing is done twice.
    await crashAt(file, '2027-01-13T09:00:05Z', 'record');
    bot = run(file, '2027-01-13T09:03:05Z');
    await bot.waitForLog('quiz: tick done');
    await stopBot(bot, 'SIGTERM');
    expect(round('2027-01-13')).toHaveLength(1);
  }, 180_000);

  it('two bots on one database file, both ticking: each round and each reminder is posted exactly once', async () => {
    onTestFailed(() => console.error(bots.map((bot, i) => `--- bot ${i + 1} log ---\n${bot.log}`).join('\n')));
    const file = join(dir, 'two.db');
    // Channels of their own (the fake is shared with the test above).
    const channels = Array.from({ length: 12 }, (_, i) => 50 + i);
    const sessions = channels.slice(0, 4);
    await prepare(file, channels, sessions);
    const first = run(file, '2027-01-11T09:00:50Z');
    const second = run(file, '2027-01-11T09:00:50Z');
    // Both catch up at once on start; wait until both have ticked at least twice (start, then 09:01).
    await Promise.all([first.waitForLog('quiz: tick done'), second.waitForLog('quiz: tick done')]);
    await Promise.all([first, second].map((bot) => bot.waitForLog('quiz: tick done', bot.log.length)));
    await Promise.all([stopBot(first, 'SIGTERM'), stopBot(second, 'SIGTERM')]);
    for (const i of channels) expect(titled(fake, channel(i), 'Daily quiz · 2027-01-11'), `channel ${i}`).toHaveLength(1);
    for (const i of sessions) expect(titled(fake, channel(i), 'In 1d: Paper'), `reminder ${i}`).toHaveLength(1);
  }, 180_000);

  it('SIGTERM while a post hangs: the bot exits cleanly within its grace, and the next start posts the round once', async () => {
    onTestFailed(() => console.error(bots.map((bot, i) => `--- bot ${i + 1} log ---\n${bot.log}`).join('\n')));
    const file = join(dir, 'term.db');
    await prepare(file, [90], []);
    const path = `/v10/channels/${channel(90)}/messages`;
    fake.faults.hang((call) => call.method === 'POST' && call.path === path, 1);
    const bot = run(file, '2027-01-11T09:00:05Z');
    await fake.waitForCall((call) => call.method === 'POST' && call.path === path);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.log).toContain('shutting down with scheduled work still in flight');
    const next = run(file, '2027-01-11T09:03:05Z');
    await next.waitForLog('quiz: round posted');
    await stopBot(next, 'SIGTERM');
    expect(titled(fake, channel(90), 'Daily quiz · 2027-01-11')).toHaveLength(1);
  }, 180_000);
});
