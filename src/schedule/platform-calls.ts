import type { Lookup, PostResult } from '../core/adapter.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { notify, type Observer, type PlatformCall, type ScheduledKind, type ScheduledOutcome } from '../core/observe.js';
import { withDeadline } from './deadline.js';

/**
 * What every runner of scheduled work does around a platform call: a
 * deadline (a call that never settles counts as failed, or as an unknown
 * look-up), timed by the injected clock for the latency metric, and the
 * outcome of each scheduled post reported with its lag from the due time.
 */
export class PlatformCalls {
  constructor(
    private readonly deps: { clock: Clock; logger: Logger; deadlineMs: number; observe?: Observer | undefined },
  ) {}

  /** A post or an edit under the deadline. */
  async call(platform: string, call: PlatformCall, start: () => Promise<PostResult>): Promise<PostResult> {
    const began = this.deps.clock.now().getTime();
    const ms = this.deps.deadlineMs;
    const result = await withDeadline(start(), ms, () => ({ ok: false, reason: 'failed', detail: `no answer within ${ms} ms` }) as const);
    this.observeCall(platform, call, began, result.ok || result.reason !== 'failed');
    return result;
  }

  /** A history look-up under the deadline: no answer in time is `unknown`, never `absent`. */
  async lookup(platform: string, start: () => Promise<Lookup>): Promise<Lookup> {
    const began = this.deps.clock.now().getTime();
    const ms = this.deps.deadlineMs;
    const found = await withDeadline(start(), ms, () => ({ state: 'unknown', detail: `no answer within ${ms} ms` }) as const);
    this.observeCall(platform, 'find', began, found.state !== 'unknown');
    return found;
  }

  /** `due`, for a post: the lag from then to now is reported (the scheduler's lag). */
  observePost(kind: ScheduledKind, outcome: ScheduledOutcome, due?: Date): void {
    const lagSeconds = due ? Math.max(0, (this.deps.clock.now().getTime() - due.getTime()) / 1000) : undefined;
    notify(this.deps.observe, { type: 'scheduled-post', kind, outcome, ...(lagSeconds !== undefined ? { lagSeconds } : {}) }, this.deps.logger);
  }

  private observeCall(platform: string, call: PlatformCall, began: number, ok: boolean): void {
    const seconds = (this.deps.clock.now().getTime() - began) / 1000;
    notify(this.deps.observe, { type: 'platform-call', platform, call, seconds, ok }, this.deps.logger);
  }
}
