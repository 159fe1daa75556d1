import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { allMigrations, openAppDatabase } from '../../src/app.js';
import { defaultBackupPath } from '../../src/store/backup.js';
import { ADMIN, PLACE, quizHarness } from '../quiz/harness.js';
import { yomikai } from './db-cli-helpers.js';

/** `yomikai db check` and `db backup` on real files, and the restore the README describes. */
const work = mkdtempSync(join(tmpdir(), 'yomikai-dbcli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let serial = 0;

function freshDatabase(): string {
  const file = join(work, `db-${++serial}`, 'yomikai.db');
  openAppDatabase(file).close();
  return file;
}

/**
 * A sound-looking file whose index no longer matches its table: the index's
 * only page has its text changed in place, which only integrity_check notices.
 */
function corruptedDatabase(): string {
  const file = freshDatabase();
  const db = new Database(file);
  db.exec("CREATE TABLE notes (x TEXT); CREATE INDEX notes_x ON notes (x); PRAGMA journal_mode = DELETE");
  for (let i = 0; i < 20; i++) db.prepare('INSERT INTO notes VALUES (?)').run(`alpha-${i}`);
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'notes_x'").pluck().get() as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(file);
  const page = bytes.subarray((root - 1) * size, root * size);
  page.set(Buffer.from(page.toString('latin1').replaceAll('alpha', 'omega'), 'latin1'));
  writeFileSync(file, bytes);
  return file;
}

describe('yomikai db check', () => {
  it('prints integrity, the schema by name and the rows per table; exit 0', async () => {
    const file = freshDatabase();
    const { code, stdout } = await yomikai('db', 'check', '--db', file);
    expect(code).toBe(0);
    expect(stdout).toContain('integrity: ok');
    const all = allMigrations();
    expect(stdout).toContain(`schema: ${all.length} of ${all.length} migrations (latest ${all.at(-1)?.name})`);
    expect(stdout).toMatch(/instance\s+1\n/);
    expect(stdout).toMatch(/quiz_answers\s+0\n/);
  });

  it('a damaged index: integrity FAILED and exit 1', async () => {
    const { code, stdout } = await yomikai('db', 'check', '--db', corruptedDatabase());
    expect(stdout).toContain('integrity: FAILED');
    expect(stdout).toMatch(/notes_x/);
    expect(code).toBe(1);
  });

  it("another branch's migration: schema FAILED and exit 1, the file untouched", async () => {
    const file = freshDatabase();
    const db = new Database(file);
    const next = allMigrations().length + 1;
    db.prepare('INSERT INTO schema_migrations (name, position) VALUES (?, ?)').run('0099-polls', next);
    db.exec(`PRAGMA user_version = ${next}; PRAGMA journal_mode = DELETE`);
    db.close();
    const before = readFileSync(file);
    const { code, stdout } = await yomikai('db', 'check', '--db', file);
    expect(stdout).toContain('schema: FAILED');
    expect(stdout).toContain('0099-polls');
    expect(code).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('no database there: one line, exit 2, nothing created', async () => {
    const missing = join(work, 'nowhere', 'yomikai.db');
    const { code, stderr } = await yomikai('db', 'check', '--db', missing);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`There is no database at ${missing}: set YOMIKAI_DB (or --db) to the bot's database file.`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('yomikai db backup', () => {
  it('dated names beside the database, sorted by age, never overwriting', async () => {
    const file = freshDatabase();
    const first = await yomikai('db', 'backup', '--db', file);
    const second = await yomikai('db', 'backup', '--db', file);
    expect([first.code, second.code]).toEqual([0, 0]);
    const backups = readdirSync(join(file, '..')).filter((name) => name.startsWith('yomikai-backup-'));
    expect(backups).toHaveLength(2);
    for (const name of backups) expect(name).toMatch(/^yomikai-backup-\d{8}T\d{6}Z(-\d+)?\.db$/);
    expect(first.stdout).toContain('integrity ok');
  });

  it('a second name within the same second gets -2', () => {
    const file = freshDatabase();
    const at = new Date('2026-12-06T23:45:12.345Z');
    const taken = defaultBackupPath(file, at);
    expect(taken).toBe(join(file, '..', 'yomikai-backup-20261206T234512Z.db'));
    writeFileSync(taken, '');
    expect(defaultBackupPath(file, at)).toBe(join(file, '..', 'yomikai-backup-20261206T234512Z-2.db'));
  });

  it('an existing PATH is refused: exit 2, the file unchanged', async () => {
    const file = freshDatabase();
    const target = join(work, `keep-${serial}.txt`);
    writeFileSync(target, 'precious');
    const { code, stderr } = await yomikai('db', 'backup', target, '--db', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${target} already exists: backups never overwrite a file`);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('restore as the README says (stop, copy the backup over the database, remove -wal/-shm, start) brings the data back', async () => {
    const file = freshDatabase();
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    let h = quizHarness({ file, clock });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    const backup = join(work, `restore-${serial}.db`);
    expect((await yomikai('db', 'backup', backup, '--db', file)).code).toBe(0);
    // After the backup: a second channel's schedule, which the restore must take back out.
    h.service.schedule({ ...PLACE, channel: 'chan2' }, ADMIN, { time: '10:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    expect(h.db.prepare('SELECT count(*) FROM quiz_schedules').pluck().get()).toBe(2);
    h.db.close();

    copyFileSync(backup, file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    h = quizHarness({ file, clock });
    try {
      expect(h.db.prepare('SELECT channel FROM quiz_schedules').pluck().all()).toEqual([PLACE.channel]);
      expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      h.db.close();
    }
  });
});
