import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Actor, Place } from '../../src/core/invocation.js';
import { APP_ID, FakeDiscord, GUILD_ID } from '../fakes/discord.js';
import { testApp } from '../helpers/app.js';
import { startBot, stopBot, type Bot } from '../helpers/bot-process.js';
import { ShiftedClock, titled } from '../helpers/discord-processes.js';
import { say } from '../reading/harness.js';

/**
 * A ballot's close as scheduled work, with whole OS processes on one database
 * against the loopback Discord: a process killed (kill -9) right after the
 * result was posted, then two processes restarted together at the closing
 * minute; and a process killed right after claiming the close. The fake
 * forgets its nonces before each restart, so only the claim — which tells a
 * worker whether its result is new — and the look into history stop a repeat.
 */

const CHANNELS = ['300000000000000701', '300000000000000702'];
const place = (channel: string): Place => ({ platform: 'discord', scope: GUILD_ID, channel });
const ADMIN: Actor = { id: '900000000000000001', name: 'admin', manager: true };
const voter = (i: number): Actor => ({ id: `90000000000000010${i}`, name: `member${i}` });

/** Nominations, a ballot closing at `closes` (UTC) and three votes in a channel, written before any bot starts. */
async function prepare(file: string, ballots: readonly { channel: string; closes: string }[]): Promise<void> {
  const app = testApp({ YOMIKAI_DB: file, YOMIKAI_TIMEZONE: 'UTC' }, new ManualClock('2027-01-10T00:00:00Z'));
  for (const { channel, closes } of ballots) {
    for (const [i, paper] of ['X3D', 'ViT', 'NeRF'].entries()) {
      const nominated = await say(app, `/reading nominate paper:${paper}`, { place: place(channel), actor: voter(i) });
      if (nominated.status !== 'ok') throw new Error(JSON.stringify(nominated.reply));
    }
    const opened = await say(app, `/reading vote closes:"${closes}"`, { place: place(channel), actor: ADMIN });
    if (opened.status !== 'ok') throw new Error(JSON.stringify(opened.reply));
    const ballot = app.ballots.deps.ballots.openIn(`discord:${GUILD_ID}:${channel}`)!;
    const [x3d, vit] = app.ballots.candidates(ballot.id).map((c) => c.nomination.id) as [number, number];
    app.ballots.vote(ballot.id, x3d, voter(0));
    app.ballots.vote(ballot.id, x3d, voter(1));
    app.ballots.vote(ballot.id, vit, voter(2));
  }
  app.close();
}

describe('a ballot closes exactly once across crashes and two processes', () => {
  const clock = new ShiftedClock();
  const fake = new FakeDiscord({ clock });
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-ballot-process-'));
  const bots: Bot[] = [];
  const run = (file: string, now: string, extra: Record<string, string> = {}) => {
    clock.moveTo(now);
    const bot = startBot({ YOMIKAI_DB: file, DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra }, now);
    bots.push(bot);
    return bot;
  };
  const crashAt = async (file: string, now: string, step: string) => {
    const bot = run(file, now, { YOMIKAI_FAULT_EXIT_AFTER: step });
    expect(await bot.exited, `the bot did not die after "${step}":\n${bot.log}`).toBe('SIGKILL');
    fake.forgetNonces();
  };
  const titledIn = (channel: string, prefix: string) => titled(fake, channel, prefix);
  const buttonsClosed = (channel: string) => {
    const rows = titledIn(channel, 'Vote: what do we read next?')[0]?.['components'] as { components: { disabled?: boolean }[] }[];
    return rows.flatMap((row) => row.components).every((button) => button.disabled);
  };

  beforeAll(() => fake.listen());
  afterAll(async () => {
    for (const bot of bots) await stopBot(bot, 'SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 after the result post, then two bots at once; and kill -9 after the close claim, then a restart', async () => {
    onTestFailed(() => console.error(bots.map((bot, i) => `--- bot ${i + 1} log ---\n${bot.log}`).join('\n')));
    const file = join(dir, 'ballot.db');
    const [first, second] = CHANNELS as [string, string];
    await prepare(file, [
      { channel: first, closes: '2027-01-11 09:00' },
      { channel: second, closes: '2027-01-11 10:00' },
    ]);

    // Before the close, a bot posts both ballots.
    let bot = run(file, '2027-01-11T08:58:05Z');
    await bot.waitForLog('reading: ballot posted');
    await bot.waitForLog('reading: ballots tick done');
    await stopBot(bot, 'SIGTERM');
    expect(titledIn(first, 'Vote: what do we read next?')).toHaveLength(1);
    expect(titledIn(second, 'Vote: what do we read next?')).toHaveLength(1);

    // The closing minute: dead right after the result was posted, before it was recorded.
    await crashAt(file, '2027-01-11T09:00:05Z', 'post');
    expect(titledIn(first, 'Vote result')).toHaveLength(1);
    // Two processes restart together on the same file (past the dead one's lease).
    const a = run(file, '2027-01-11T09:03:05Z');
    const b = run(file, '2027-01-11T09:03:05Z');
    await Promise.all([a.waitForLog('reading: ballots tick done'), b.waitForLog('reading: ballots tick done')]);
    await Promise.all([stopBot(a, 'SIGTERM'), stopBot(b, 'SIGTERM')]);
    expect(titledIn(first, 'Vote result')).toHaveLength(1);
    expect(titledIn(first, 'Vote result')[0]?.['embeds']).toMatchObject([{ title: 'Vote result: X3D' }]);
    expect(buttonsClosed(first)).toBe(true);

    // The second channel: dead right after claiming the close; the next start finishes it, once.
    await crashAt(file, '2027-01-11T10:00:05Z', 'reveal-claim');
    expect(titledIn(second, 'Vote result')).toHaveLength(0);
    bot = run(file, '2027-01-11T10:03:05Z');
    await bot.waitForLog('reading: ballot result posted');
    await stopBot(bot, 'SIGTERM');
    expect(titledIn(second, 'Vote result')).toHaveLength(1);
    expect(buttonsClosed(second)).toBe(true);
  }, 180_000);
});
