/** One schema change: its name is what a database records once it has run. */
export interface Migration {
  /** Never changes once shipped: `NNNN-what`, numbered in the order the list runs. */
  name: string;
  sql: string;
}

/**
 * Schema history. Each feature declares its own migrations beside its code
 * (src/quiz/migrations.ts, …); this file holds the ones every feature shares.
 * All of them run in one global order — the order of their names, whose
 * number is given once and never changes — and the database records each
 * name (table schema_migrations) and how many have run (user_version, which
 * releases from before the names still read). Never edit, rename or renumber
 * a shipped one: a database that recorded it would be refused (src/store/migrate.ts).
 */
export const storeMigrations: readonly Migration[] = [
  // 0001: per-place settings (a Discord server, a Slack workspace, the console).
  {
    name: '0001-place-settings',
    sql: `CREATE TABLE place_settings (
     place      TEXT PRIMARY KEY,
     language   TEXT CHECK (language IN ('ja', 'en')),
     timezone   TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;`,
  },
  // 0005: this database's own name. It is part of every idempotency key, so another yomikai
  // database posting in the same channel — same row numbers, same key shape — never matches ours.
  {
    name: '0005-instance',
    sql: `CREATE TABLE instance (
     id            TEXT NOT NULL
   ) STRICT;
   INSERT INTO instance (id) VALUES (lower(hex(randomblob(5))));`,
  },
  // 0008: the nights the running bot has backed the database up (YOMIKAI_BACKUP_DIR). The night
  // (a local date) is the key a process claims before it backs up, so two processes or a
  // restart never take a second backup the same night (src/backup/nights.ts).
  {
    name: '0008-backup-nights',
    sql: `CREATE TABLE backup_nights (
     night       TEXT PRIMARY KEY,
     claimed_at  TEXT NOT NULL,
     finished_at TEXT,
     outcome     TEXT CHECK (outcome IN ('verified', 'failed')),
     path        TEXT,
     bytes       INTEGER,
     error       TEXT
   ) STRICT;`,
  },
];

const NAME = /^\d{4}-[a-z0-9-]+$/;

/**
 * Every migration of the store and the features, in the one global order:
 * by name (its number). Two with one number, or a name out of shape, is a
 * programming error caught at start rather than a database half-migrated.
 */
export function inGlobalOrder(...lists: readonly (readonly Migration[])[]): Migration[] {
  const all = lists.flat().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const numbers = new Set<string>();
  for (const migration of all) {
    if (!NAME.test(migration.name)) throw new Error(`migration name "${migration.name}" is not NNNN-what`);
    const number = migration.name.slice(0, 4);
    if (numbers.has(number)) throw new Error(`two migrations are numbered ${number}: each number is given once`);
    numbers.add(number);
  }
  return all;
}
