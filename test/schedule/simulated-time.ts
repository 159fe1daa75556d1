import { ManualClock } from '../../src/core/clock.js';
import type { Wait } from '../../src/schedule/coalesce.js';

/** Lets every promise chain that can move on do so (microtasks drain before setImmediate runs). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Simulated seconds: a ManualClock and a `wait` whose timers fire only when
 * the test moves the clock past them, each at its own instant. Nothing here
 * reads the real time, so a loaded machine sees exactly the same run.
 */
export class SimulatedTime {
  readonly clock: ManualClock;
  private timers: { at: number; resolve: () => void }[] = [];

  constructor(start: string) {
    this.clock = new ManualClock(start);
  }

  readonly wait: Wait = (ms) =>
    new Promise((resolve) => {
      this.timers.push({ at: this.now() + ms, resolve });
    });

  now(): number {
    return this.clock.now().getTime();
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock `ms` on, firing the timers due on the way in order, and lets the work they start run. */
  async advance(ms: number): Promise<void> {
    const end = this.now() + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      if (due.at > this.now()) this.clock.set(new Date(due.at));
      due.resolve();
      await settle();
    }
    this.clock.set(new Date(end));
    await settle();
  }
}
