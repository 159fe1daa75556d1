import cron from 'node-cron';
import type { Logger } from '../core/logger.js';

export interface Ticker {
  stop(): void;
}

/**
 * Runs scheduled work once at start (catch-up after downtime) and then at
 * the start of every minute (node-cron). The work itself decides what is due
 * from the database and the injected clock, so a tick is only a nudge: a
 * missed or doubled one changes nothing.
 */
export function startTicker(work: () => Promise<void>, logger: Logger): Ticker {
  const run = () =>
    work().catch((error: unknown) => {
      logger.error({ err: error }, 'scheduled work failed; the next tick tries again');
    });
  void run();
  // No noOverlap: a tick must start even while an earlier one waits on a slow channel. The
  // runners keep each channel's work to one chain, so overlapping ticks never double it.
  const task = cron.schedule('* * * * *', run, { name: 'yomikai-tick' });
  return {
    stop() {
      void task.stop();
      void task.destroy();
    },
  };
}
