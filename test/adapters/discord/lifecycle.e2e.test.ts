import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, chatInput } from '../../fakes/discord.js';
import { freePort } from '../../fakes/slack-requests.js';

/**
 * `npm start` as a real process on the built bot: it logs in to the loopback
 * Discord, answers, serves GET /health on HEALTH_PORT (Discord has no other
 * HTTP server), and on SIGTERM logs out and closes the database cleanly.
 */
describe('the bot process on Discord', () => {
  const fake = new FakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-lifecycle-'));
  const db = join(dir, 'bot.db');
  let child: ChildProcess;
  let stderr = '';
  let healthPort = 0;

  beforeAll(async () => {
    await fake.listen();
    healthPort = await freePort();
    child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        YOMIKAI_DB: db,
        LOG_LEVEL: 'info',
        DISCORD_TOKEN: 'test-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        HEALTH_PORT: String(healthPort),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await started(child, () => stderr);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a command once started', async () => {
    const payload = chatInput('model', { name: 'X3D' });
    const call = await fake.interact(payload);
    expect(call.body.data.embeds[0].title).toBe('X3D');
  });

  it('answers GET /health on HEALTH_PORT: 200 once connected and ticking', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, reasons: [], platforms: { discord: 'up' } });
  });

  it('shuts down cleanly on SIGTERM: exit 0, database closed', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('shutting down');
    // The last connection's close checkpoints the WAL and removes it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(existsSync(db)).toBe(true);
  });
});

/** Resolves when the bot logs that it started; rejects if it exits first. No clock: vitest's hook timeout catches a hang. */
function started(bot: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      // The health server is the last thing started before the first tick.
      if (!log().includes('health server listening')) return;
      bot.stderr?.off('data', check);
      bot.off('exit', exited);
      resolve();
    };
    const exited = (code: number | null) => {
      bot.stderr?.off('data', check);
      reject(new Error(`the bot exited (${String(code)}) before starting:\n${log()}`));
    };
    bot.stderr?.on('data', check);
    bot.once('exit', exited);
    check();
  });
}
