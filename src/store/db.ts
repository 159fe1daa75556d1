import Database from 'better-sqlite3';
import { databaseErrors, explainSqliteError } from './database-error.js';
import { prepareDatabasePath } from './db-path.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the database once for the whole process: WAL so readers never wait on
 * the writer, a busy timeout for a second process (the one-shot CLI beside a
 * running bot), and migrations applied in order inside one transaction each.
 *
 * A file yomikai cannot use — a folder, another kind of file, a newer schema,
 * a read-only place — is a DatabaseError with one line that says what to do,
 * raised here at start rather than at the first write.
 */
export function openDatabase(file: string): Db {
  if (file === ':memory:') return configure(new Database(file), file);
  const existed = prepareDatabasePath(file);
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: 5000 });
    return configure(db, file);
  } catch (error) {
    db?.close();
    throw explainSqliteError(file, error, existed);
  }
}

function configure(db: Db, file: string): Db {
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw databaseErrors.newerSchema(db.name, current, migrations.length);
  for (let version = current + 1; version <= migrations.length; version++) {
    const sql = migrations[version - 1];
    db.transaction(() => {
      db.exec(sql ?? '');
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  // One small write even when nothing was due: a file SQLite can only read (no
  // permission, or marked read-only in its header) is found now, not at the first /settings.
  if (current === migrations.length) db.transaction(() => db.pragma(`user_version = ${current}`)).immediate();
}
