import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../src/app.js';

const migrations = allMigrations();

/**
 * Bad database paths, through the real programs as child processes (npm test
 * builds first): `yomikai ask` with --db and with YOMIKAI_DB, and `npm start`'s
 * entry. Each must end with exit 2 and one line on stderr that names the file
 * and says what to do. A path that used to hang forever now fails the test by
 * its timeout instead; how fast they end is measured by hand, not asserted here.
 */
const work = mkdtempSync(join(tmpdir(), 'yomikai-baddb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function makeFolder(): string {
  const path = join(work, 'a-folder');
  mkdirSync(path, { recursive: true });
  return path;
}

function makeTextFile(): string {
  const path = join(work, 'notes.txt');
  writeFileSync(path, 'shopping list: eggs, milk\n'.repeat(200));
  return path;
}

function makeNewerDatabase(): string {
  const path = join(work, 'from-the-future.db');
  const db = new Database(path);
  db.pragma(`user_version = ${migrations.length + 1}`);
  db.close();
  return path;
}

/** A file another branch of yomikai has migrated: its one recorded migration is not one of ours. */
function makeOtherBranchDatabase(): string {
  const path = join(work, 'other-branch.db');
  const db = new Database(path);
  db.exec(`CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE) STRICT;
           INSERT INTO schema_migrations (name, position) VALUES ('0001-polls', 1);`);
  db.pragma('user_version = 1');
  db.close();
  return path;
}

/**
 * Root ignores permission bits (and CI runs as root), so chmod cannot make a
 * read-only file here. SQLite's own read-only mark can: a header whose "write
 * version" byte (offset 18) is above 2 may be read but never written, by anyone.
 */
function makeReadOnlyDatabase(): string {
  const path = join(work, 'read-only.db');
  const db = new Database(path);
  db.exec('CREATE TABLE t (x)');
  db.close();
  const bytes = readFileSync(path);
  bytes[18] = 3;
  writeFileSync(path, bytes);
  return path;
}

function makeFileInTheWay(): string {
  const blocker = join(work, 'blocker');
  writeFileSync(blocker, 'not a folder');
  return join(blocker, 'data', 'yomikai.db');
}

const CASES: [label: string, path: () => string, says: RegExp][] = [
  ['a folder', makeFolder, /is a folder, not a file/],
  ['a text file, not a database', makeTextFile, /is not a yomikai database/],
  ['a database from a newer yomikai', makeNewerDatabase, /was written by a newer yomikai \(schema version \d+; this one knows up to \d+\)/],
  ['a database another branch of yomikai changed', makeOtherBranchDatabase, /was changed by a yomikai this one does not know \(.*0001-polls\)/],
  // The kernel's /proc takes no new files from anyone, root included: a read-only location on every Linux machine.
  ['a read-only location (/proc)', () => '/proc/yomikai.db', /does not accept new files/],
  ['a database file SQLite may only read', makeReadOnlyDatabase, /is read-only/],
  // mkdir under /proc fails for everyone; Node 20's recursive mkdirSync never returned on this path.
  ['a folder that cannot be created (/proc/nope/)', () => '/proc/nope/x.db', /Cannot create the folder \/proc\/nope/],
  ['a file where a folder should be', makeFileInTheWay, /blocker is a file, not a folder/],
  ['a device, not a file', () => '/dev/null', /is not a regular file/],
];

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with stdin closed (so `npm start` with a good database would leave its console chat at once). */
function run(args: string[], env: Record<string, string>): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: work, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 25_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const WAYS: [label: string, start: (path: string) => Promise<Ended>][] = [
  ['yomikai ask --db', (path) => run(['bin/yomikai.js', 'ask', '/help', '--db', path], {})],
  ['yomikai ask with YOMIKAI_DB', (path) => run(['bin/yomikai.js', 'ask', '/help'], { YOMIKAI_DB: path })],
  ['npm start with YOMIKAI_DB', (path) => run(['dist/src/main.js'], { YOMIKAI_DB: path })],
];

describe('a database yomikai cannot use is a user error, not a crash', () => {
  it.each(CASES)('%s: exit 2, one line naming the file and what to do', { timeout: 60_000 }, async (_label, makePath, says) => {
    const path = makePath();
    const results = await Promise.all(WAYS.map(([, start]) => start(path)));
    results.forEach((ended, index) => {
      const way = WAYS[index]?.[0];
      expect({ way, code: ended.code, signal: ended.signal }).toEqual({ way, code: 2, signal: null });
      expect(ended.stdout, way).toBe('');
      const lines = ended.stderr.trimEnd().split('\n');
      expect(lines, way).toHaveLength(1);
      const [line = ''] = lines;
      expect(line, way).toContain(path);
      expect(line, way).toMatch(says);
      expect(line, way).toMatch(/YOMIKAI_DB \(or --db\)/);
      expect(ended.stderr, way).not.toMatch(/\n\s+at |SqliteError|Error:/);
    });
  });
});
