import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app.js';
import { migrate } from '../../src/store/migrate.js';
import { allMigrations } from '../../src/app.js';
import type { Migration } from '../../src/store/migrations.js';

const migrations = allMigrations();

/**
 * Files this build must not touch: another branch's or a newer release's. Each is
 * refused at open with one line naming the file and what to do, and its bytes stay
 * as they were. The other builds are played by migrate() with their own lists.
 */
const work = mkdtempSync(join(tmpdir(), 'yomikai-refuse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const otherBranch: Migration = { name: '0004-polls', sql: 'CREATE TABLE polls (id INTEGER PRIMARY KEY, question TEXT NOT NULL) STRICT;' };
const nextRelease: Migration = { name: `${String(migrations.length + 1).padStart(4, '0')}-from-the-future`, sql: 'CREATE TABLE future (x TEXT) STRICT;' };

let files = 0;
/** A database in WAL mode (as every yomikai leaves it) that `list` has migrated. */
function madeBy(list: readonly Migration[], setUp: (db: Database.Database) => void = (db) => migrate(db, list)): string {
  const file = join(work, `${files++}.db`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  setUp(db);
  db.close();
  return file;
}

function expectRefused(file: string, line: string): void {
  const before = readFileSync(file);
  let message = '';
  try {
    openAppDatabase(file).close();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toBe(line);
  expect(message).not.toContain('\n');
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(existsSync(`${file}-wal`)).toBe(false);
}

const OPEN_WITH_ITS_MAKER = 'use it with the yomikai that made it, or restore a backup made by this one, or set YOMIKAI_DB (or --db) to another file.';

describe('databases this build refuses, unchanged', () => {
  it('one that ran a migration of another branch', () => {
    const file = madeBy([...migrations.slice(0, 3), otherBranch]);
    expectRefused(
      file,
      `The database ${file} was changed by a yomikai this one does not know (a newer release or another branch ran its migration 0004-polls): ${OPEN_WITH_ITS_MAKER}`,
    );
  });

  it('one that a newer release migrated further', () => {
    const file = madeBy([...migrations, nextRelease]);
    expectRefused(
      file,
      `The database ${file} was changed by a yomikai this one does not know (a newer release or another branch ran its migration ${nextRelease.name}): ${OPEN_WITH_ITS_MAKER}`,
    );
  });

  it('one that ran our migrations in another order', () => {
    const [first, second, third, ...rest] = migrations;
    const file = madeBy([first!, third!, second!, ...rest]);
    expectRefused(
      file,
      `The database ${file} was changed by another branch of yomikai (it ran the migration ${third!.name} as number 2; this one has it as number 3): ${OPEN_WITH_ITS_MAKER}`,
    );
  });

  it('one from before the names whose schema version is above ours, as before', () => {
    const file = madeBy([], (db) => db.pragma(`user_version = ${migrations.length + 1}`));
    expectRefused(
      file,
      `The database ${file} was written by a newer yomikai (schema version ${migrations.length + 1}; this one knows up to ${migrations.length}): upgrade yomikai, or set YOMIKAI_DB (or --db) to another file.`,
    );
  });

  it('one from before the names made by another branch: the reading branch had its tables as migration 3', () => {
    const file = join(work, 'reading-branch-v3.db');
    copyFileSync(join(import.meta.dirname, '../fixtures/db/reading-branch-v3.db'), file);
    expectRefused(
      file,
      `The database ${file} was made by another branch of yomikai (schema version 3, but not the tables this one's first 3 migrations make): ${OPEN_WITH_ITS_MAKER}`,
    );
  });
});

describe('databases this build cannot account for', () => {
  it('one whose schema version is not the count of its recorded migrations', () => {
    const file = madeBy(migrations, (db) => {
      migrate(db, migrations);
      db.pragma('user_version = 2');
    });
    expectRefused(
      file,
      `The database ${file} says schema version 2 but records ${migrations.length} migrations by name (was it changed by another program?): restore it from a backup or set YOMIKAI_DB (or --db) to another file.`,
    );
  });

  it('one fully migrated that SQLite may only read: found at open, though no migration is due', () => {
    const file = madeBy(migrations);
    const bytes = readFileSync(file);
    bytes[18] = 3; // the header's "write version" above 2: readable, never writable, even by root
    writeFileSync(file, bytes);
    expect(() => openAppDatabase(file).close()).toThrow(`The database ${file} is read-only`);
  });
});

describe('a migration that fails part way', () => {
  it('leaves nothing of itself: neither its first table nor its record', () => {
    const broken: Migration = { name: `${nextRelease.name}-broken`, sql: 'CREATE TABLE half (x TEXT) STRICT; CREATE TABLE half (y TEXT) STRICT;' };
    const file = madeBy(migrations);
    const db = new Database(file);
    try {
      expect(() => migrate(db, [...migrations, broken])).toThrow(/already exists/);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      db.close();
    }
  });
});
