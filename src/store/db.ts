import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the database once for the whole process: WAL so readers never wait on
 * the writer, a busy timeout for a second process (the one-shot CLI beside a
 * running bot), and migrations applied in order inside one transaction each.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this yomikai (${migrations.length}). Upgrade yomikai or use another YOMIKAI_DB.`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    const sql = migrations[version - 1];
    db.transaction(() => {
      db.exec(sql ?? '');
      db.pragma(`user_version = ${version}`);
    })();
  }
}
