import type { Db } from '../../store/db.js';

export interface ClaimedReminder {
  id: number;
  occurrenceId: number;
  /** Minutes before the start (0 = at the start). */
  stage: number;
  attempts: number;
  messageId?: string;
}

/**
 * Sent reminders. The UNIQUE (occurrence, stage) row is the claim: whoever
 * inserts it posts that reminder, and nobody else ever does — across ticks,
 * restarts and two processes on one file. A short lease with its holder's
 * name covers each post and is renewed right before it; a crash's lease runs
 * out and the next tick re-posts under the same idempotency key after
 * looking for the first post. Ids are AUTOINCREMENT (migration 5): rows are
 * deleted when a meeting moves, and a reused id would reuse a key.
 */
export class ReadingReminderStore {
  private readonly claimRow;
  private readonly passRow;
  private readonly postedRow;
  private readonly retryRow;
  private readonly pendingRows;
  private readonly leaseRow;
  private readonly postedFor;
  private readonly abandonRow;

  constructor(private readonly db: Db) {
    this.claimRow = db.prepare<[number, number, string, string], { id: number }>(
      `INSERT INTO reading_reminders (occurrence_id, stage, state, lease_until, lease_owner) VALUES (?, ?, 'claimed', ?, ?)
       ON CONFLICT (occurrence_id, stage) DO NOTHING RETURNING id`,
    );
    this.passRow = db.prepare<[number, number]>(
      `INSERT INTO reading_reminders (occurrence_id, stage, state) VALUES (?, ?, 'passed') ON CONFLICT (occurrence_id, stage) DO NOTHING`,
    );
    this.postedRow = db.prepare<[string, string, number]>(`UPDATE reading_reminders SET state = 'posted', message_id = ?, posted_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ? AND state <> 'posted'`);
    this.retryRow = db.prepare<[string, number]>(
      `UPDATE reading_reminders SET attempts = attempts + 1, retry_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?`,
    );
    this.pendingRows = db.prepare<[string, string], { id: number; occurrence_id: number; stage: number; attempts: number }>(
      `SELECT id, occurrence_id, stage, attempts FROM reading_reminders
        WHERE state = 'claimed' AND (lease_until IS NULL OR lease_until <= ?) AND (retry_at IS NULL OR retry_at <= ?) ORDER BY id`,
    );
    this.leaseRow = db.prepare<[string, string, number, string, string]>(
      `UPDATE reading_reminders SET lease_until = ?, lease_owner = ? WHERE id = ? AND state = 'claimed' AND (lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)`,
    );
    this.postedFor = db.prepare<[number], { message_id: string; stage: number }>(
      `SELECT message_id, stage FROM reading_reminders WHERE occurrence_id = ? AND state = 'posted' AND message_id <> '' ORDER BY id`,
    );
    this.abandonRow = db.prepare<[number]>(`UPDATE reading_reminders SET state = 'passed', lease_until = NULL, lease_owner = NULL WHERE id = ? AND state = 'claimed'`);
  }

  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The claim: an id when this caller now owns the reminder, undefined when it was claimed before. */
  claim(occurrenceId: number, stage: number, owner: string, leaseUntil: Date): number | undefined {
    return this.claimRow.get(occurrenceId, stage, leaseUntil.toISOString(), owner)?.id;
  }

  /** An earlier stage overtaken by a later one (the bot was down): recorded so it never goes out late. */
  pass(occurrenceId: number, stage: number): void {
    this.passRow.run(occurrenceId, stage);
  }

  markPosted(id: number, messageId: string, at: Date): void {
    this.postedRow.run(messageId, at.toISOString(), id);
  }

  scheduleRetry(id: number, at: Date): void {
    this.retryRow.run(at.toISOString(), id);
  }

  /** Claimed but unposted reminders whose lease ran out: a crash, or a retry that is due. */
  pending(now: Date): ClaimedReminder[] {
    const at = now.toISOString();
    return this.pendingRows.all(at, at).map((row) => ({ id: row.id, occurrenceId: row.occurrence_id, stage: row.stage, attempts: row.attempts }));
  }

  /** Takes or renews the lease on a claimed reminder: true when `owner` now holds it (free, expired, or already theirs). */
  lease(id: number, owner: string, now: Date, until: Date): boolean {
    return this.leaseRow.run(until.toISOString(), owner, id, owner, now.toISOString()).changes > 0;
  }

  /** Messages already posted for a meeting: their RSVP counts are kept live. */
  messagesFor(occurrenceId: number): { messageId: string; stage: number }[] {
    return this.postedFor.all(occurrenceId).map((row) => ({ messageId: row.message_id, stage: row.stage }));
  }

  /** Given up (the session started, or the channel is gone): never posted. */
  abandon(id: number): void {
    this.abandonRow.run(id);
  }
}
