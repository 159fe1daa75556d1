import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The built bot (dist/src/main.js) as a whole OS process at another date:
 * every Date in it is shifted (test/helpers/shift-date.mjs, the in-process
 * twin of libfaketime), so its system clock, node-cron and logs live then.
 */
const SHIFT = resolve('test/helpers/shift-date.mjs');

export interface Bot {
  child: ChildProcess;
  log: string;
  /** Resolves at the first log line (JSON) from `from` on whose msg is `msg`. */
  waitForLog(msg: string, from?: number): Promise<Record<string, unknown>>;
  /** Resolves with the signal or exit code the process ended with. */
  exited: Promise<NodeJS.Signals | number | null>;
}

export function startBot(env: Record<string, string>, now: string): Bot {
  const child = spawn(process.execPath, ['--import', SHIFT, 'dist/src/main.js'], {
    env: { PATH: process.env['PATH'] ?? '', YOMIKAI_TEST_NOW: now, LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  const bot: Bot = {
    child,
    log: '',
    exited,
    waitForLog(msg, from = 0) {
      return new Promise((done, fail) => {
        const check = () => {
          for (const line of bot.log.slice(from).split('\n')) {
            if (!line.includes(msg)) continue;
            try {
              const entry = JSON.parse(line) as Record<string, unknown>;
              if (entry['msg'] === msg) {
                child.stderr?.off('data', check);
                child.off('exit', gone);
                done(entry);
                return;
              }
            } catch {
              // a partial line: the next chunk completes it
            }
          }
        };
        const gone = () => fail(new Error(`bot exited before logging "${msg}":\n${bot.log}`));
        child.stderr?.on('data', check);
        child.once('exit', gone);
        check();
      });
    },
  };
  child.stderr?.on('data', (chunk: Buffer) => (bot.log += chunk.toString()));
  return bot;
}

export async function stopBot(bot: Bot, signal: NodeJS.Signals): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill(signal);
  await bot.exited;
}
