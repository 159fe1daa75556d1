import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordAdapter } from '../src/adapters/discord/adapter.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock, type Clock } from '../src/core/clock.js';
import { silentLogger } from '../src/core/logger.js';
import type { BurstResult, FromFake, ToFake } from './live-count-fake.js';

/** Real time, started at a date of our choosing: the Coalescer's one-second turns run for real. */
function shiftedClock(at: string): Clock & { moveTo(at: string): void } {
  const real = () => systemClock.now().getTime();
  let offset = Date.parse(at) - real();
  return {
    now: () => new Date(real() + offset),
    moveTo(to) {
      offset = Date.parse(to) - real();
    },
  };
}

/**
 * 600 members press an answer on one round within a second. This process is
 * the bot — the real discord.js client, the real store on a file database,
 * the runner's tick posting the round; a forked process is Discord (see
 * live-count-fake.ts), sending the presses over its gateway and timing them.
 */
export async function runLiveCountBench(members = 600, withinMs = 1000): Promise<BurstResult & { botCpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-live-bench-'));
  const child = fork(new URL('./live-count-fake.js', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = async <T extends FromFake['type']>(type: T): Promise<Extract<FromFake, { type: T }>> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [FromFake];
      if (message.type === type) return message as Extract<FromFake, { type: T }>;
    }
  };
  const tell = (message: ToFake) => child.send(message);
  const { apiUrl, appId } = await next('ready');
  const clock = shiftedClock('2026-11-30T23:50:00Z');
  const env = { YOMIKAI_DB: join(dir, 'live.db'), DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: appId, DISCORD_API_URL: apiUrl };
  const app = createApp(loadConfig(env, {}), silentLogger(), clock);
  const adapter = new DiscordAdapter(app, app.config.discord!);
  try {
    await adapter.start();
    app.adapters.set('discord', adapter);
    // The fake's guild and channel (test/adapters/discord/fake-discord.ts), as an interaction there would name them.
    const place = { platform: 'discord' as const, scope: '200000000000000001', channel: '300000000000000001' };
    app.quiz.schedule(place, { id: 'admin', name: 'Admin' }, { time: '09:00', timezone: 'Asia/Tokyo' }, 'Asia/Tokyo');
    clock.moveTo('2026-12-01T00:00:00Z');
    await app.quizRunner.tick();
    const result = next('result');
    const cpu = process.cpuUsage();
    tell({ type: 'burst', members, withinMs });
    const { result: burst } = await result;
    // CPU the bot spent on the burst (user + system): the figure a loaded machine does not change much.
    const used = process.cpuUsage(cpu);
    return { ...burst, botCpuMs: (used.user + used.system) / 1000 };
  } finally {
    await adapter.stop();
    tell({ type: 'stop' });
    await once(child, 'exit');
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
