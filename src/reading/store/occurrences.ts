import type { Db } from '../../store/db.js';
import type { Person } from './sessions.js';

export interface OccurrenceRow {
  id: number;
  sessionId: number;
  /** Position in the series (0 = first meeting), counting skipped ones. */
  index: number;
  startsAt: Date;
  skipped: boolean;
  /** Who presents at this one meeting, when someone was named for it alone. */
  presenter?: Person;
}

interface Row {
  id: number;
  session_id: number;
  idx: number;
  starts_at: string;
  skipped: number;
  presenter: string | null;
}

function fromRow(row: Row): OccurrenceRow {
  return {
    id: row.id,
    sessionId: row.session_id,
    index: row.idx,
    startsAt: new Date(row.starts_at),
    skipped: row.skipped === 1,
    ...(row.presenter ? { presenter: JSON.parse(row.presenter) as Person } : {}),
  };
}

/**
 * Occurrences are written only when something attaches to one (an RSVP, a
 * skip, a reminder, a presenter for that day): the rest of a series is
 * computed. UNIQUE (session, index) makes "materialise" an idempotent upsert.
 */
export class ReadingOccurrenceStore {
  private readonly ensureRow;
  private readonly find;
  private readonly byId;
  private readonly forSession;
  private readonly skipRow;
  private readonly presenterRow;
  private readonly restart;
  private readonly skippedBefore;

  constructor(db: Db) {
    this.ensureRow = db.prepare<[number, number, string], { id: number }>(
      `INSERT INTO reading_occurrences (session_id, idx, starts_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id, idx) DO UPDATE SET starts_at = excluded.starts_at RETURNING id`,
    );
    this.find = db.prepare<[number, number], Row>('SELECT * FROM reading_occurrences WHERE session_id = ? AND idx = ?');
    this.byId = db.prepare<[number], Row>('SELECT * FROM reading_occurrences WHERE id = ?');
    this.forSession = db.prepare<[number], Row>('SELECT * FROM reading_occurrences WHERE session_id = ? ORDER BY idx');
    this.skipRow = db.prepare<[number]>('UPDATE reading_occurrences SET skipped = 1 WHERE id = ?');
    this.presenterRow = db.prepare<[string | null, number]>('UPDATE reading_occurrences SET presenter = ? WHERE id = ?');
    this.restart = db.prepare<[number, number]>(
      `DELETE FROM reading_reminders WHERE occurrence_id IN (SELECT id FROM reading_occurrences WHERE session_id = ? AND idx >= ?)`,
    );
    this.skippedBefore = db.prepare<[number, number], { n: number }>(
      'SELECT count(*) AS n FROM reading_occurrences WHERE session_id = ? AND idx < ? AND skipped = 1',
    );
  }

  /** The row for one meeting of a series, created if needed; its start follows the series. */
  ensure(sessionId: number, index: number, startsAt: Date): OccurrenceRow {
    const row = this.ensureRow.get(sessionId, index, startsAt.toISOString());
    if (!row) throw new Error('reading occurrence upsert returned no id');
    return this.get(row.id) as OccurrenceRow;
  }

  at(sessionId: number, index: number): OccurrenceRow | undefined {
    const row = this.find.get(sessionId, index);
    return row ? fromRow(row) : undefined;
  }

  get(id: number): OccurrenceRow | undefined {
    const row = this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  ofSession(sessionId: number): OccurrenceRow[] {
    return this.forSession.all(sessionId).map(fromRow);
  }

  skip(id: number): void {
    this.skipRow.run(id);
  }

  setPresenter(id: number, presenter: Person | undefined): void {
    this.presenterRow.run(presenter ? JSON.stringify(presenter) : null, id);
  }

  /** The time moved: reminders of meetings from `index` on go out again for the new time. */
  forgetReminders(sessionId: number, fromIndex: number): void {
    this.restart.run(sessionId, fromIndex);
  }

  /** Skipped meetings before `index`: the rotation does not advance over them. */
  skippedBeforeIndex(sessionId: number, index: number): number {
    return this.skippedBefore.get(sessionId, index)?.n ?? 0;
  }
}
