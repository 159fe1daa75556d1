import Database from 'better-sqlite3';
import { databaseErrors } from './database-error.js';
import type { Migration } from './migrations.js';

type Db = Database.Database;

interface Recorded {
  name: string;
  position: number;
}

export interface MigrateOptions {
  /**
   * false: when nothing is due, write nothing — and so do not find out now
   * whether the file is writable. Default true.
   */
  writeCheck?: boolean;
}

/**
 * Brings a database up to `list`, one migration per IMMEDIATE transaction
 * together with the record of its name, so a crash or a second process never
 * leaves a half-migrated file: each step re-reads what is applied under the
 * write lock. user_version is kept equal to the count applied, so a release
 * from before the names still refuses a newer file as "newer schema".
 *
 * A database this list cannot account for — a name it does not know, names in
 * another order, a pre-name file whose tables are not what our first N
 * migrations make — is refused before anything is written.
 */
export function migrate(db: Db, list: readonly Migration[], options: MigrateOptions = {}): void {
  // A one-shot lookup beside a running bot only reads: an up-to-date file is left untouched
  // (no write lock taken, no change counter bumped). A file behind still migrates below.
  if (options.writeCheck === false && appliedCount(db, list) === list.length) return;
  const step = db.transaction((): boolean => {
    const applied = appliedCount(db, list);
    const next = list[applied];
    if (next) db.exec(next.sql);
    const count = next ? applied + 1 : applied;
    record(db, list, count);
    return count < list.length;
  });
  // Even when nothing is due the step writes (user_version, records): a file SQLite
  // can only read (no permission, or marked read-only in its header) is found now,
  // not at the first /settings.
  while (step.immediate());
}

/**
 * How many of `list` the database has run, without writing anything; throws a
 * DatabaseError when its record is not a prefix of `list` (`yomikai db check`).
 */
export function appliedMigrations(db: Db, list: readonly Migration[]): number {
  return appliedCount(db, list);
}

/** How many of `list` the database has run; throws when it is not a prefix of `list`. */
function appliedCount(db: Db, list: readonly Migration[]): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (!hasRecordTable(db)) {
    // Made before migrations had names: user_version counted them.
    if (version > list.length) throw databaseErrors.newerSchema(db.name, version, list.length);
    if (version > 0) checkMadeBy(db, list.slice(0, version));
    return version;
  }
  const rows = db.prepare('SELECT name, position FROM schema_migrations ORDER BY position').all() as Recorded[];
  const positions = new Map(list.map((migration, index) => [migration.name, index + 1]));
  rows.forEach((row, index) => {
    const ours = positions.get(row.name);
    if (ours === undefined) throw databaseErrors.unknownMigration(db.name, row.name);
    if (ours !== row.position || row.position !== index + 1) throw databaseErrors.migrationOrder(db.name, row.name, index + 1, ours);
  });
  if (version > list.length) throw databaseErrors.newerSchema(db.name, version, list.length);
  if (version !== rows.length) throw databaseErrors.recordMismatch(db.name, version, rows.length);
  return rows.length;
}

function hasRecordTable(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
}

function record(db: Db, list: readonly Migration[], count: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE) STRICT');
  const insert = db.prepare('INSERT OR IGNORE INTO schema_migrations (name, position) VALUES (?, ?)');
  list.slice(0, count).forEach((migration, index) => insert.run(migration.name, index + 1));
  db.pragma(`user_version = ${count}`);
}

/**
 * A pre-name file says only how many migrations ran. Another branch's file (the
 * reading branch once had its tables as migration 3) has the same count and
 * other tables, so adopt it only if everything `applied` makes is there as made.
 */
function checkMadeBy(db: Db, applied: readonly Migration[]): void {
  const actual = new Set(schemaOf(db));
  const expected = new Database(':memory:');
  try {
    for (const migration of applied) expected.exec(migration.sql);
    if (!schemaOf(expected).every((entry) => actual.has(entry))) throw databaseErrors.unknownSchema(db.name, applied.length);
  } finally {
    expected.close();
  }
}

/** Every table, index, view and trigger as `type name sql`, leaving out SQLite's own. */
function schemaOf(db: Db): string[] {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  return rows.map((row) => `${row.type} ${row.name} ${row.sql ?? ''}`);
}
