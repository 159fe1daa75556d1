import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { startHealthServer, type HealthServer } from '../../src/adapters/health-server.js';
import { healthServerOptions } from '../../src/start.js';
import { testApp } from '../helpers/app.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, subcommandInput, type RestCall } from '../fakes/discord.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { fakeServer, freePort, slackApi } from '../fakes/slack.js';
import { parseExposition, valueOf, type Sample } from '../metrics/exposition.js';

/**
 * GET /metrics over real HTTP on 127.0.0.1, served as `npm start` serves it
 * (the health server, the app's routes plus its metrics): a slash command
 * through the real discord.js client and a scheduled quiz round posted to the
 * loopback Discord, one of them failing first, each read back as counters.
 */
const isChannelPost = (call: RestCall) => call.method === 'POST' && call.path === `/v10/channels/${CHANNEL_ID}/messages`;

describe('GET /metrics on the health server (real discord.js, loopback Discord)', () => {
  const fake = new FakeDiscord();
  const clock = new ManualClock('2026-11-30T23:50:00Z'); // 08:50 in Tokyo
  let app: App;
  let adapter: DiscordAdapter;
  let server: HealthServer;

  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text()).samples;
  };

  beforeAll(async () => {
    await fake.listen();
    app = testApp({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, clock);
    adapter = new DiscordAdapter(app, app.config.discord!);
    await adapter.start();
    app.adapters.set('discord', adapter);
    server = await startHealthServer({ ...healthServerOptions(app, [adapter], 0), host: '127.0.0.1' });
  });

  afterAll(async () => {
    await server?.close();
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  it('counts a slash command by name and outcome', async () => {
    const saved = (await fake.interact(subcommandInput('quiz', 'schedule', { time: '09:00', timezone: 'Asia/Tokyo' }))).body;
    expect(saved.data.embeds[0].title).toBe('Daily quiz scheduled');
    const samples = await scrape();
    expect(valueOf(samples, 'yomikai_commands_total', { command: 'quiz', outcome: 'ok' })).toBe(1);
  });

  it('counts a failed round post, then the retry that posts it, with its lag from 09:00 and each call timed', async () => {
    // Discord stores the message but answers 503: the runner must count a failure and retry.
    fake.faults.failAfterStoring(isChannelPost, 503, 1);
    clock.set('2026-12-01T00:00:30Z'); // 09:00:30 in Tokyo: 30 s late.
    await app.quizRunner.tick();
    let samples = await scrape();
    expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'round', outcome: 'failed' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'round', outcome: 'posted' })).toBeUndefined();
    expect(valueOf(samples, 'yomikai_platform_call_seconds_count', { platform: 'discord', call: 'post', result: 'failed' })).toBe(1);

    clock.set('2026-12-01T00:02:00Z'); // The retry is due a minute after the failure.
    await app.quizRunner.tick();
    samples = await scrape();
    expect(fake.channelMessages(CHANNEL_ID)).toHaveLength(1); // Found by the retry's duplicate check, not posted twice.
    expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'round', outcome: 'posted' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_count', { kind: 'round' })).toBe(1);
    expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_sum', { kind: 'round' })).toBe(120);
    expect(valueOf(samples, 'yomikai_platform_call_seconds_count', { platform: 'discord', call: 'post', result: 'ok' })).toBe(1);
  });
});

describe('GET /metrics stays off Slack’s public HTTP server (real Bolt)', () => {
  it('answers 404 on PORT, where /health and the features’ routes are served', async () => {
    const api = await fakeServer(slackApi());
    const port = await freePort();
    const app = testApp({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${api.url}/api/`, PORT: String(port) });
    const adapter = new SlackAdapter(app, { host: '127.0.0.1' });
    try {
      await adapter.start();
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      await adapter.stop();
      await api.close();
      app.close();
    }
  });
});
