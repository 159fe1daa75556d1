import { cleanName } from '../../core/text.js';
import type { Db } from '../../store/db.js';

export type RsvpStatus = 'going' | 'maybe' | 'no';
export const RSVP_STATUSES: readonly RsvpStatus[] = ['going', 'maybe', 'no'];

export interface RsvpCounts {
  going: number;
  maybe: number;
  no: number;
}

export type RsvpOutcome = 'recorded' | 'changed' | 'unchanged';

/**
 * One answer per person per meeting: an upsert on (occurrence, user), so a
 * second press changes the first and simultaneous presses from many members
 * each count once (SQLite serialises the writes).
 */
export class ReadingRsvpStore {
  private readonly previous;
  private readonly upsert;
  private readonly counts;
  private readonly names;

  constructor(private readonly db: Db) {
    this.previous = db.prepare<[number, string], { status: RsvpStatus }>('SELECT status FROM reading_rsvps WHERE occurrence_id = ? AND user_id = ?');
    this.upsert = db.prepare<[number, string, string, RsvpStatus, string]>(
      `INSERT INTO reading_rsvps (occurrence_id, user_id, user_name, status, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (occurrence_id, user_id) DO UPDATE SET user_name = excluded.user_name, status = excluded.status, updated_at = excluded.updated_at`,
    );
    this.counts = db.prepare<[number], { status: RsvpStatus; n: number }>('SELECT status, count(*) AS n FROM reading_rsvps WHERE occurrence_id = ? GROUP BY status');
    this.names = db.prepare<[number, RsvpStatus], { user_id: string; user_name: string }>(
      'SELECT user_id, user_name FROM reading_rsvps WHERE occurrence_id = ? AND status = ? ORDER BY updated_at, rowid',
    );
  }

  answer(occurrenceId: number, userId: string, userName: string, status: RsvpStatus, at: Date): RsvpOutcome {
    return this.db
      .transaction((): RsvpOutcome => {
        const before = this.previous.get(occurrenceId, userId)?.status;
        this.upsert.run(occurrenceId, userId, cleanName(userName, userId), status, at.toISOString());
        if (before === undefined) return 'recorded';
        return before === status ? 'unchanged' : 'changed';
      })
      .immediate();
  }

  countsFor(occurrenceId: number | undefined): RsvpCounts {
    const counts: RsvpCounts = { going: 0, maybe: 0, no: 0 };
    if (occurrenceId === undefined) return counts;
    for (const row of this.counts.all(occurrenceId)) counts[row.status] = row.n;
    return counts;
  }

  namesFor(occurrenceId: number | undefined, status: RsvpStatus): string[] {
    if (occurrenceId === undefined) return [];
    // Cleaned again on the way out: rows of earlier releases were stored as given.
    return this.names.all(occurrenceId, status).map((row) => cleanName(row.user_name, row.user_id));
  }
}
