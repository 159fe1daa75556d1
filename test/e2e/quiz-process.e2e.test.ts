import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { APP_ID, CHANNEL_ID, FakeDiscord, subcommandInput } from '../fakes/discord.js';
import { startBot as startProcess, stopBot, type Bot } from '../helpers/bot-process.js';

/**
 * The built bot as a whole process, run at other dates against the loopback
 * Discord: every Date in the process is shifted (test/helpers/shift-date.mjs,
 * the in-process twin of libfaketime), so the bot's system clock, node-cron
 * and the logs all live at that date. A schedule made before New York's
 * spring-forward (2027-03-14) must post at 09:00 local after it, and a
 * kill -9 right after that post, then a restart, must post nothing more.
 */
function startBot(fake: FakeDiscord, db: string, now: string): Bot {
  return startProcess({ YOMIKAI_DB: db, DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, now);
}

function roundPosts(fake: FakeDiscord): number {
  return fake.calls.filter((c) => c.method === 'POST' && c.path === `/v10/channels/${CHANNEL_ID}/messages` && String(c.body?.embeds?.[0]?.title ?? '').startsWith('Daily quiz')).length;
}

describe('the whole bot at another date', () => {
  const fake = new FakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-process-'));
  const db = join(dir, 'bot.db');
  const bots: Bot[] = [];

  beforeAll(() => fake.listen());
  afterAll(async () => {
    for (const bot of bots) await stopBot(bot, 'SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a schedule made before a DST change posts at local 09:00 after it, once, even across kill -9', async () => {
    onTestFailed(() => console.error(bots.map((bot, i) => `--- bot ${i + 1} log ---\n${bot.log}`).join('\n')));
    // Wednesday 10 March 2027, New York still on EST: a manager schedules 09:00 New York time.
    const first = startBot(fake, db, '2027-03-10T17:00:00Z');
    bots.push(first);
    await first.waitForLog('adapter started');
    const schedule = subcommandInput('quiz', 'schedule', { time: '09:00', timezone: 'America/New_York' });
    const reply = await fake.interact(schedule, 20_000);
    // Thursday 11 March 09:00 EST = 14:00 UTC, shown with Discord's own local-time stamp beside it.
    const next = (reply.body as { data: { embeds: { fields: { value: string }[] }[] } }).data.embeds[0]?.fields[0]?.value ?? '';
    expect(next.split('\n')[0]).toBe(`2027-03-11 (Thu) 09:00 America/New\\_York · <t:${Date.parse('2027-03-11T14:00:00Z') / 1000}:F>`);
    await stopBot(first, 'SIGTERM');

    // Monday 15 March, after the change (EDT, UTC-4): started ten seconds before 09:00 local.
    const second = startBot(fake, db, '2027-03-15T12:59:50Z');
    bots.push(second);
    const posted = await second.waitForLog('quiz: round posted');
    const postedAt = Number(posted['time']);
    expect(postedAt).toBeGreaterThanOrEqual(Date.parse('2027-03-15T13:00:00Z'));
    expect(postedAt).toBeLessThan(Date.parse('2027-03-15T13:01:00Z'));
    expect(roundPosts(fake)).toBe(1);
    await stopBot(second, 'SIGKILL'); // kill -9 just after the post

    // Restarted half a minute later, inside the grace window: its catch-up tick must find the day's round.
    const third = startBot(fake, db, '2027-03-15T13:00:40Z');
    bots.push(third);
    await third.waitForLog('quiz: tick done');
    expect(roundPosts(fake)).toBe(1);
    await stopBot(third, 'SIGTERM');
  }, 90_000);
});
