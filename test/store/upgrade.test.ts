import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { openAppDatabase } from '../../src/app.js';
import { allMigrations } from '../../src/app.js';

const migrations = allMigrations();

/**
 * Databases made by the code of each earlier schema version (test/fixtures/db/README.md)
 * open, upgrade to today's schema and keep their rows. Nothing here names today's
 * tables: the upgraded file is compared with a fresh one, so migrations appended
 * later are covered without touching this file.
 */
const fixtures = join(import.meta.dirname, '../fixtures/db');
const work = mkdtempSync(join(tmpdir(), 'yomikai-upgrade-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
function copyOf(fixture: string): string {
  const file = join(work, `${copies++}-${fixture}`);
  copyFileSync(join(fixtures, fixture), file);
  return file;
}

/** sqlite_master as a sorted list of `type name: sql`, SQLite's own entries left out. */
function schemaOf(db: Db): string[] {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; sql: string | null }[];
  return rows.map((row) => `${row.type} ${row.name}: ${row.sql ?? ''}`).sort();
}

function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function recordedNames(db: Db): string[] {
  return (db.prepare('SELECT name FROM schema_migrations ORDER BY position').all() as { name: string }[]).map((row) => row.name);
}

/** Everything a reopen could change: version, records, schema and every row of every table. */
function snapshot(file: string): unknown {
  const db = openAppDatabase(file);
  try {
    const tables = Object.keys(tableCounts(db)).concat('schema_migrations');
    const rows = Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
    return { version: db.pragma('user_version', { simple: true }), schema: schemaOf(db), rows };
  } finally {
    db.close();
  }
}

const freshSchema = (() => {
  const db = openAppDatabase(join(work, 'fresh.db'));
  try {
    return schemaOf(db);
  } finally {
    db.close();
  }
})();

/** Rows the fixture script wrote with each version's stores (test/fixtures/db/make-fixture.mjs). */
const rowsWritten: Record<number, Record<string, number>> = {
  1: { place_settings: 2 },
  2: { quiz_schedules: 2, quiz_rounds: 3, quiz_answers: 3 },
  3: { summary_cache: 1, summary_usage: 1 },
  4: { reading_sessions: 1, reading_occurrences: 2, reading_rsvps: 2, reading_reminders: 2, reading_channel_settings: 1 },
};

describe.each([1, 2, 3, 4])('a database made at schema version %i', (version) => {
  const expectedCounts = Object.assign({}, ...Array.from({ length: version }, (_, i) => rowsWritten[i + 1])) as Record<string, number>;

  it('upgrades to every current migration, keeps its rows, and ends with a fresh schema', () => {
    const file = copyOf(`v${version}.db`);
    const db = openAppDatabase(file);
    try {
      expect(recordedNames(db)).toEqual(migrations.map((m) => m.name));
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(schemaOf(db)).toEqual(freshSchema);
      const counts = tableCounts(db);
      for (const [table, rows] of Object.entries(expectedCounts)) expect({ table, rows: counts[table] }).toEqual({ table, rows });
      expect(db.prepare("SELECT language, timezone FROM place_settings WHERE place = 'discord:g100'").get()).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
      if (version >= 2) {
        expect(db.prepare("SELECT state, message_id, reveal_message_id FROM quiz_rounds WHERE local_date = '2026-11-30'").get()).toEqual({
          state: 'revealed',
          message_id: 'm-round-1',
          reveal_message_id: 'm-reveal-1',
        });
        expect(db.prepare("SELECT user_name, choice FROM quiz_answers ORDER BY answered_at").all()).toEqual([
          { user_name: 'Aki', choice: 0 },
          { user_name: 'Ben', choice: 3 },
          { user_name: 'Aki', choice: 1 },
        ]);
      }
      if (version >= 3) {
        expect(db.prepare("SELECT tokens, requests FROM summary_usage WHERE scope = 'g100'").get()).toEqual({ tokens: 521, requests: 2 });
      }
      if (version >= 4) {
        expect(db.prepare('SELECT title, repeat FROM reading_sessions').get()).toEqual({ title: 'X3D reading', repeat: '{"every":"weekly","count":6}' });
        expect(db.prepare("SELECT stage, state, message_id FROM reading_reminders ORDER BY stage").all()).toEqual([
          { stage: 0, state: 'posted', message_id: 'm-reminder-1' },
          { stage: 1, state: 'claimed', message_id: null },
        ]);
      }
    } finally {
      db.close();
    }
  });

  it('opens a second time without any change', () => {
    const file = copyOf(`v${version}.db`);
    const afterUpgrade = snapshot(file);
    expect(snapshot(file)).toEqual(afterUpgrade);
  });
});
