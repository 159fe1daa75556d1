import type { DispatchStatus } from './dispatch.js';
import type { Logger } from './logger.js';

/**
 * What the running bot reports for its metrics (src/metrics.ts turns these
 * into Prometheus counters). The core and the features know only this small
 * shape, never the metrics library, so they stay testable without it and a
 * deployment without metrics costs nothing.
 */
export type ScheduledKind = 'round' | 'reveal' | 'reminder';

/**
 * posted: on screen and recorded; failed: a transient failure, retried later;
 * found-after-crash: a post made before a crash, found in the channel and
 * recorded; abandoned: given up (the channel is gone or forbids us, or the
 * time for it has passed).
 */
export type ScheduledOutcome = 'posted' | 'failed' | 'found-after-crash' | 'abandoned';

export type PlatformCall = 'post' | 'edit' | 'find';

export type ObservedEvent =
  | { type: 'command'; command: string; status: DispatchStatus }
  /** lagSeconds: from when it was due to when it was recorded posted (posted only). */
  | { type: 'scheduled-post'; kind: ScheduledKind; outcome: ScheduledOutcome; lagSeconds?: number }
  /** ok: the platform answered (a refusal such as "channel gone" is an answer); false: failed or timed out. */
  | { type: 'platform-call'; platform: string; call: PlatformCall; seconds: number; ok: boolean }
  | { type: 'llm-tokens'; tokens: number };

export type Observer = (event: ObservedEvent) => void;

/** Reports an event; a broken observer is logged and never breaks the work it watches. */
export function notify(observer: Observer | undefined, event: ObservedEvent, logger: Logger): void {
  if (!observer) return;
  try {
    observer(event);
  } catch (error) {
    logger.warn({ err: error, event: event.type }, 'metrics observer failed');
  }
}
