import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseError, explainSqliteError } from './database-error.js';
import type { Db } from './db.js';

/**
 * Opens a database file that must already be there, without migrating or
 * otherwise changing it: for `db backup` and `db check`, which look at a file
 * a running bot may be using. A missing path is a one-line DatabaseError
 * rather than a new empty database.
 */
export function openExisting(file: string, options: { readonly?: boolean } = {}): Db {
  if (!existsSync(file)) throw new DatabaseError(file, `There is no database at ${file}: set YOMIKAI_DB (or --db) to the bot's database file.`);
  if (!statSync(file).isFile()) throw new DatabaseError(file, `The database ${file} is not a regular file: set YOMIKAI_DB (or --db) to the bot's database file.`);
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 5000, readonly: options.readonly ?? false });
    // Reading the schema proves it is a database (SQLite opens any file lazily).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    throw explainSqliteError(file, error, true);
  }
}
