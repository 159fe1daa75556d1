import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import { SlackAdapter } from '../src/adapters/slack/adapter.js';
import { startHealthServer } from '../src/adapters/health-server.js';
import { assessHealth } from '../src/core/health.js';
import { fakeServer, freePort, slackApi } from './fakes/slack.js';

/**
 * The container's HEALTHCHECK program (dist/src/health-probe.js, npm test builds first)
 * against the real Slack adapter in HTTP mode: healthy while Bolt serves GET /health,
 * unhealthy once it is gone; with HEALTH_PORT, the bot's own GET /health there (every mode).
 * Without either, the probe passes on a valid config.
 */
const exec = promisify(execFile);

async function probe(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await exec(process.execPath, ['dist/src/health-probe.js'], { env: { PATH: process.env['PATH'] ?? '', YOMIKAI_DB: ':memory:', ...env }, timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const closers: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('health probe', () => {
  it('Slack HTTP mode: 0 while the bot serves /health, 1 after it stopped', async () => {
    const api = await fakeServer(slackApi());
    closers.push(() => api.close());
    const port = await freePort();
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${api.url}/api/`, PORT: String(port) };
    const app = createApp(loadConfig({ ...env, YOMIKAI_DB: ':memory:' }, {}), silentLogger());
    closers.push(() => app.close());
    const adapter = new SlackAdapter(app, { host: '127.0.0.1' });
    await adapter.start();
    expect(await probe(env)).toEqual({ code: 0, stderr: '' });
    await adapter.stop();
    const down = await probe(env);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`GET /health on port ${port} failed`);
  });

  it('HEALTH_PORT: 0 while GET /health there answers 200, 1 with the reasons on 503', async () => {
    let discordUp = true;
    const check = () => assessHealth({ platforms: [{ platform: 'discord', isUp: () => discordUp }], databaseProblem: undefined, lastTick: new Date(0), now: new Date(0) });
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', check, routes: [], logger: silentLogger() });
    closers.push(() => server.close());
    const env = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '100000000000000001', HEALTH_PORT: String(server.port) };
    expect(await probe(env)).toEqual({ code: 0, stderr: '' });
    discordUp = false;
    const down = await probe(env);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('GET /health answered 503');
    expect(down.stderr).toContain('discord: not connected');
  });

  it('Discord without HEALTH_PORT: no endpoint, a valid configuration passes and a broken one fails', async () => {
    expect((await probe({ DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '100000000000000001' })).code).toBe(0);
    const broken = await probe({ DISCORD_TOKEN: 'token' });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('DISCORD_APPLICATION_ID is not set');
  });
});
