import type { Db } from './db.js';

/**
 * Whether the open database takes a write now: a real write, rolled back
 * (taking the write lock alone passes on a file SQLite may only read).
 * Returns undefined when it does, else the SQLite code or message.
 */
export function databaseWriteProblem(db: Db): string | undefined {
  // better-sqlite3 is synchronous: a transaction of our own is open only inside a
  // synchronous call, never between two events, so this never nests in one.
  if (db.inTransaction) return undefined;
  try {
    db.exec('BEGIN IMMEDIATE; CREATE TABLE health_write_probe (x); ROLLBACK');
    return undefined;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const code = (error as { code?: string }).code;
    return code ?? (error instanceof Error ? error.message : String(error));
  }
}
