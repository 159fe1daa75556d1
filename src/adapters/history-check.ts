import type { PostResult } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';

/**
 * What a history check found, with the reason when it has no answer. It is a
 * `Lookup` (the contract's `find` returns it as is); `why` tells a retried
 * post what is safe to do next.
 */
export type HistoryAnswer =
  | { state: 'found'; messageId: string }
  | { state: 'absent' }
  | { state: 'unknown'; why: 'failed' | 'not-permitted' | 'channel-gone'; detail: string };

/**
 * How many pages of history one check may read: the grace window of a busy
 * channel fits many times over, and a runaway channel (or a bug that keeps
 * handing out cursors) ends in `unknown` instead of a loop.
 */
export const MAX_HISTORY_PAGES = 50;

/**
 * `since` comes from our clock and message times from the platform's: read
 * this much further back so a few seconds (or minutes) of drift between the
 * two can never hide the message we are looking for.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function unknown(why: 'failed' | 'not-permitted' | 'channel-gone', detail: string): HistoryAnswer {
  return { state: 'unknown', why, detail };
}

/**
 * The decision of a retried post after its history check:
 * - found: that message is the post; nothing is sent.
 * - absent: post (with the key, so the next retry can find it).
 * - unknown after a timeout, a 5xx or a 429: `failed`, never a blind post —
 *   the platform may hold the message we cannot see; the runner retries later.
 * - unknown because history is not ours to read (missing scope or access):
 *   post anyway. Such a channel would otherwise never get its round again; a
 *   rare duplicate is the lesser harm. Warned once per channel.
 * - the channel is gone: the post would fail the same way, so say so now.
 */
export function afterHistoryCheck(answer: HistoryAnswer, warnBlind: () => void): PostResult | 'post' {
  if (answer.state === 'found') return { ok: true, messageId: answer.messageId };
  if (answer.state === 'absent') return 'post';
  if (answer.why === 'not-permitted') {
    warnBlind();
    return 'post';
  }
  return { ok: false, reason: answer.why === 'channel-gone' ? 'channel-gone' : 'failed', detail: answer.detail };
}

/** Logs a warning the first time per channel only: a channel without history access would otherwise warn on every retry. */
export class WarnOncePerChannel {
  private readonly warned = new Set<string>();

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
  ) {}

  warn(channel: string, detail: string): void {
    if (this.warned.has(channel)) return;
    this.warned.add(channel);
    this.logger.warn({ channel, detail }, this.message);
  }
}
