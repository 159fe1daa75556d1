import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordAdapter } from '../src/adapters/discord/adapter.js';
import { SlackAdapter } from '../src/adapters/slack/adapter.js';
import { createApp } from '../src/app.js';
import type { ChatAdapter } from '../src/core/adapter.js';
import { loadConfig } from '../src/config.js';
import { systemClock, type Clock } from '../src/core/clock.js';
import { silentLogger } from '../src/core/logger.js';
import { freePort } from '../test/fakes/slack-requests.js';
import type { BurstResult } from './live-count-figures.js';

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

/** The fake's guild/team and channel, as an interaction there names them. */
const PLACES = {
  discord: { platform: 'discord' as const, scope: '200000000000000001', channel: '300000000000000001' },
  slack: { platform: 'slack' as const, scope: 'T1', channel: 'C1' },
};

/**
 * 600 members press an answer on one round within a second. This process is
 * the bot — the real discord.js client or Bolt app (HTTP mode), the real
 * store on a file database, the runner's tick posting the round; a forked
 * process is the platform (live-count-fake.ts, live-count-slack-fake.ts),
 * sending the presses and timing them from outside.
 */
export async function runLiveCountBench(platform: 'discord' | 'slack', members = 600, withinMs = 1000): Promise<BurstResult & { botCpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-live-bench-'));
  const script = platform === 'discord' ? './live-count-fake.js' : './live-count-slack-fake.js';
  const child = fork(new URL(script, import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = async (type: string): Promise<any> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [{ type: string }];
      if (message.type === type) return message;
    }
  };
  const ready: { apiUrl: string; appId?: string } = await next('ready');
  const port = await freePort();
  const env =
    platform === 'discord'
      ? { DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: ready.appId!, DISCORD_API_URL: ready.apiUrl }
      : { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: ready.apiUrl, PORT: String(port) };
  const clock = shiftedClock('2026-11-30T23:50:00Z');
  const app = createApp(loadConfig({ YOMIKAI_DB: join(dir, 'live.db'), ...env }, {}), silentLogger(), clock);
  const adapter: ChatAdapter = platform === 'discord' ? new DiscordAdapter(app, app.config.discord!) : new SlackAdapter(app, { host: '127.0.0.1' });
  try {
    await adapter.start();
    app.adapters.set(platform, adapter);
    app.quiz.schedule(PLACES[platform], { id: 'admin', name: 'Admin' }, { time: '09:00', timezone: 'Asia/Tokyo' }, 'Asia/Tokyo');
    clock.moveTo('2026-12-01T00:00:00Z');
    await app.quizRunner.tick();
    const result = next('result');
    const cpu = process.cpuUsage();
    child.send({ type: 'burst', members, withinMs, port });
    const burst: BurstResult = (await result).result;
    // CPU the bot spent on the burst (user + system): a figure load on the machine changes little.
    const used = process.cpuUsage(cpu);
    return { ...burst, botCpuMs: (used.user + used.system) / 1000 };
  } finally {
    await adapter.stop();
    child.send({ type: 'stop' });
    await once(child, 'exit');
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
