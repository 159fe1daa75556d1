import type { Db } from '../../store/db.js';

/** How often a session has changed since it was added, and when it last did. */
export interface Revision {
  /** RFC 5545 SEQUENCE: 0 as added, one more for every edit, skip and the cancellation. */
  sequence: number;
  /** When the last change happened; the creation time before any. */
  at: Date;
}

/**
 * A session's revision count (migration 0010). The service bumps it in every
 * path that changes what the calendar shows, so a subscribed calendar app
 * sees a higher SEQUENCE and takes the new version instead of keeping its own.
 */
export class SessionRevisions {
  private readonly bumpRow;
  private readonly readRow;

  constructor(db: Db) {
    this.bumpRow = db.prepare<[string, number]>('UPDATE reading_sessions SET sequence = sequence + 1, revised_at = ? WHERE id = ?');
    this.readRow = db.prepare<[number], { sequence: number; revised_at: string | null; created_at: string }>(
      'SELECT sequence, revised_at, created_at FROM reading_sessions WHERE id = ?',
    );
  }

  bump(sessionId: number, at: Date): void {
    this.bumpRow.run(at.toISOString(), sessionId);
  }

  of(sessionId: number): Revision {
    const row = this.readRow.get(sessionId);
    if (!row) return { sequence: 0, at: new Date(0) };
    return { sequence: row.sequence, at: new Date(row.revised_at ?? row.created_at) };
  }
}
