/**
 * The timings every runner of scheduled work shares (quiz rounds, reading
 * reminders, ballots, Discord events), so that their guarantees line up.
 */

/** How long one worker may hold a piece of work while posting it; renewed right before each call. */
export const LEASE_MS = 2 * 60_000;

/**
 * A platform call taking longer counts as failed. It is well inside the
 * lease, so a slow post is given up (and later found by the duplicate check)
 * before anyone else may take the work over.
 */
export const CALL_DEADLINE_MS = 30_000;

/** Transient failures are retried after 1, 2, 4, 8, 16, 16 … minutes. */
const MAX_BACKOFF_MINUTES = 16;

/** Minutes to wait before the retry that follows `attempts` failures. */
export function retryAfterMinutes(attempts: number): number {
  return Math.min(2 ** attempts, MAX_BACKOFF_MINUTES);
}

/** The lease's end for a worker taking work at `now`. */
export function leaseUntil(now: Date): Date {
  return new Date(now.getTime() + LEASE_MS);
}
