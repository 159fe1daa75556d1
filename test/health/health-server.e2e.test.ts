import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { FeatureModule } from '../../src/core/feature.js';
import { silentLogger } from '../../src/core/logger.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { healthCheck } from '../../src/adapters/health-check.js';
import { startHealthServer, type HealthServer } from '../../src/adapters/health-server.js';
import { APP_ID, FakeDiscord } from '../fakes/discord.js';

/**
 * GET /health over real HTTP on 127.0.0.1, for a Discord-only bot (no other
 * HTTP server there): the real discord.js client against the loopback
 * Discord, the real database, and the app's own tick on a clock the test moves.
 */

/** A feature with one HTTP route: the health server serves the features' routes too. */
const pingFeature: FeatureModule<object, void> = {
  name: 'ping',
  migrations: [],
  create: () => ({
    name: 'ping',
    services: {},
    routes: [{ method: 'GET', path: '/ping', handle: (_request, response) => void response.end('pong') }],
  }),
};

interface Answer {
  status: number;
  body: { ok: boolean; reasons: string[]; platforms?: Record<string, string> };
}

describe('the health server on Discord', () => {
  const fake = new FakeDiscord();
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let app: App;
  let adapter: DiscordAdapter;
  let server: HealthServer;

  const get = async (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
  const health = async (): Promise<Answer> => {
    const response = await get('/health');
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    await fake.listen();
    const config = loadConfig({ YOMIKAI_DB: ':memory:', DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, {});
    app = createApp(config, silentLogger(), clock, { extraFeatures: [{ module: pingFeature, commands: [] }] });
    adapter = new DiscordAdapter(app, config.discord!);
    server = await startHealthServer({ port: 0, host: '127.0.0.1', check: healthCheck(app, [adapter]), routes: app.routes, logger: app.logger });
  });

  afterAll(async () => {
    await server.close();
    await adapter.stop();
    await fake.close();
    app.close();
  });

  it('is 503 before the bot is connected and has ticked', async () => {
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body.reasons).toEqual(['discord: not connected', 'scheduler: has not ticked yet']);
  });

  it('is 200 once discord.js is ready and the scheduler ticked', async () => {
    await adapter.start();
    await app.tick();
    clock.advance(90_000);
    const answer = await health();
    expect(answer).toMatchObject({ status: 200, body: { ok: true, reasons: [], platforms: { discord: 'up' } } });
  });

  it('serves the features’ routes beside /health', async () => {
    const response = await get('/ping');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('pong');
    expect((await get('/nothing')).status).toBe(404);
  });

  it('refuses a port already taken with a readable configuration error', async () => {
    const second = startHealthServer({ port: server.port, host: '127.0.0.1', check: healthCheck(app, [adapter]), routes: [], logger: app.logger });
    await expect(second).rejects.toThrow(`HEALTH_PORT=${server.port} cannot be used (EADDRINUSE)`);
  });

  it('is 503 when the clock moves 3 minutes without a tick, and 200 after the next', async () => {
    clock.advance(3 * 60_000);
    const stale = await health();
    expect(stale.status).toBe(503);
    expect(stale.body.reasons).toEqual([expect.stringMatching(/^scheduler: last tick \d+ s ago/)]);
    await app.tick();
    expect((await health()).status).toBe(200);
  });

  it('is 503 with the platform named once the gateway connection is gone', async () => {
    await fake.close();
    const answer = await until(health, (candidate) => candidate.status !== 200);
    expect(answer.status).toBe(503);
    expect(answer.body.reasons).toEqual(['discord: not connected']);
    expect(answer.body.platforms).toEqual({ discord: 'down' });
  });
});

/**
 * Asks again until `done` holds: discord.js marks the shard down when its
 * socket's close event arrives, which the test cannot await directly. The
 * limit only turns a hang into a readable failure; it is no speed check.
 */
async function until<T>(ask: () => Promise<T>, done: (value: T) => boolean, limitMs = 15_000): Promise<T> {
  let waited = 0;
  for (;;) {
    const value = await ask();
    if (done(value) || waited >= limitMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
    waited += 50;
  }
}
