import Database from 'better-sqlite3';
import { explainSqliteError } from './database-error.js';
import { prepareDatabasePath } from './db-path.js';
import { migrate, type MigrateOptions } from './migrate.js';
import type { Migration } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the database once for the whole process: WAL so readers never wait on
 * the writer, a busy timeout for a second process (the one-shot CLI beside a
 * running bot), and `migrations` — the store's and every feature's, in their
 * global order (src/app.ts composes them) — applied one transaction each
 * (src/store/migrate.ts: by name, refusing a file another build has changed).
 *
 * A file yomikai cannot use — a folder, another kind of file, a newer schema
 * or another branch's, a read-only place — is a DatabaseError with one line
 * that says what to do, raised here at start rather than at the first write.
 */
export function openDatabase(file: string, migrations: readonly Migration[], options: MigrateOptions = {}): Db {
  if (file === ':memory:') return configure(new Database(file), file, migrations, options);
  const existed = prepareDatabasePath(file);
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: 5000 });
    return configure(db, file, migrations, options);
  } catch (error) {
    db?.close();
    throw explainSqliteError(file, error, existed);
  }
}

function configure(db: Db, file: string, migrations: readonly Migration[], options: MigrateOptions): Db {
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations, options);
  return db;
}
