import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, subcommandInput } from '../../fakes/discord.js';
import { freePort } from '../../fakes/slack-requests.js';
import { startBot, stopBot, type Bot } from '../../helpers/bot-process.js';

/**
 * `npm start` as a real process (built dist/) on Discord with PUBLIC_URL and
 * FEED_PORT and no HEALTH_PORT: the bot starts a server of its own for the
 * feed, which serves the calendar and /health but never /metrics.
 */
describe('the bot process serves the feed on FEED_PORT', () => {
  const fake = new FakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-feed-'));
  let bot: Bot;
  let port = 0;

  beforeAll(async () => {
    await fake.listen();
    port = await freePort();
    bot = startBot(
      { YOMIKAI_DB: join(dir, 'bot.db'), DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, PUBLIC_URL: 'https://cal.example.org', FEED_PORT: String(port) },
      '2026-12-01T00:00:00Z',
    );
    const listening = await bot.waitForLog('health server listening');
    expect(listening).toMatchObject({ port, variable: 'FEED_PORT' });
  });

  afterAll(async () => {
    await stopBot(bot, 'SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives an address through Discord whose calendar the FEED_PORT server answers; /metrics is not there', async () => {
    await fake.interact(subcommandInput('reading', 'add', { title: 'X3D', when: '2026-12-04 20:00' }));
    const asked = (await fake.interact(subcommandInput('reading', 'feed'))).body.data;
    const https = (asked.embeds[0].fields as { value: string }[]).find((f) => f.value.startsWith('https://'))?.value ?? '';
    const path = new URL(https).pathname;
    expect(path).toMatch(/^\/reading\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:X3D');
    // /health is there (200 once ticking, 503 just before the first tick): what matters is the report, not the status.
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toHaveProperty('ok');
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
  });

  it('closes the feed server on SIGTERM and exits 0', async () => {
    await stopBot(bot, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});
