import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { backupApp, backupLines, filesIn, workspace, type LogLine } from './harness.js';

/**
 * Nightly backups in the running bot, on the real database file with the
 * app's clock moved by hand. YOMIKAI_TIMEZONE is Asia/Tokyo (UTC+9), so the
 * night of 2026-12-07 is due at 03:30 JST = 2026-12-06T18:30Z.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setUp() {
  const space = workspace();
  const logs: LogLine[] = [];
  const apps: App[] = [];
  cleanups.push(space.cleanup, () => apps.forEach((app) => app.close()));
  const start = (clock: ManualClock, env: Record<string, string> = {}) => {
    const app = backupApp(space.dbFile, space.backupDir, clock, logs, env);
    apps.push(app);
    return app;
  };
  return { ...space, logs, start };
}

async function tickAt(app: App, clock: ManualClock, at: string): Promise<void> {
  clock.set(at);
  await app.tick();
  await app.idle();
}

describe('nightly backups', () => {
  it('back up once at 03:30 local: ticks before do nothing, later ticks the same night do nothing, the next night backs up again', async () => {
    const t = setUp();
    const clock = new ManualClock('2026-12-06T15:00:00Z');
    const app = t.start(clock);
    await tickAt(app, clock, '2026-12-06T15:00:00Z'); // 00:00 JST
    await tickAt(app, clock, '2026-12-06T18:29:59Z'); // 03:29:59 JST
    expect(filesIn(t.backupDir)).toEqual([]);
    await tickAt(app, clock, '2026-12-06T18:30:00Z');
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db']);
    await tickAt(app, clock, '2026-12-06T18:31:00Z');
    await tickAt(app, clock, '2026-12-07T14:59:00Z'); // 23:59 JST, same night
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db']);
    // The log line an operator reads: where, how big, verified.
    const lines = backupLines(t.logs);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ path: join(t.backupDir, 'yomikai-nightly-2026-12-07.db'), verified: true, night: '2026-12-07' });
    expect(lines[0]?.bytes).toBeGreaterThan(0);
    // The next local date is a new night: nothing before its 03:30, one backup at it.
    await tickAt(app, clock, '2026-12-07T15:10:00Z'); // 00:10 JST on the 8th
    expect(filesIn(t.backupDir)).toHaveLength(1);
    await tickAt(app, clock, '2026-12-07T18:30:00Z');
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db', 'yomikai-nightly-2026-12-08.db']);
  });

  it('writes a backup that opens, passes integrity_check and holds the data', async () => {
    const t = setUp();
    const clock = new ManualClock('2026-12-06T18:30:00Z');
    const app = t.start(clock);
    const instance = app.db.prepare('SELECT id FROM instance').pluck().get();
    await tickAt(app, clock, '2026-12-06T18:30:00Z');
    const copy = new Database(join(t.backupDir, 'yomikai-nightly-2026-12-07.db'), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT id FROM instance').pluck().get()).toBe(instance);
    } finally {
      copy.close();
    }
    // The night is recorded in the live database as verified.
    expect(app.db.prepare('SELECT outcome, bytes > 0 AS sized FROM backup_nights WHERE night = ?').get('2026-12-07')).toEqual({ outcome: 'verified', sized: 1 });
  });

  it('two app instances on one database file back up once', async () => {
    const t = setUp();
    const clock = new ManualClock('2026-12-06T18:30:00Z');
    const first = t.start(clock);
    const second = t.start(clock);
    await Promise.all([first.tick(), second.tick()]);
    await Promise.all([first.idle(), second.idle()]);
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db']);
    expect(backupLines(t.logs)).toHaveLength(1);
  });

  it('a restart on the same night does not back up again; a night missed while down is caught up the same local date only', async () => {
    const t = setUp();
    const clock = new ManualClock('2026-12-06T18:30:00Z');
    const before = t.start(clock);
    await tickAt(before, clock, '2026-12-06T18:30:00Z');
    before.close();
    const after = t.start(clock);
    await tickAt(after, clock, '2026-12-06T19:00:00Z'); // 04:00 JST
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db']);
    after.close();
    // Down through the night of the 8th and up at 15:00 JST: caught up that day.
    const late = t.start(clock);
    await tickAt(late, clock, '2026-12-08T06:00:00Z');
    // Down through the 9th and up at 00:30 JST on the 10th: the 9th is gone, the 10th not yet due.
    await tickAt(late, clock, '2026-12-09T15:30:00Z');
    expect(filesIn(t.backupDir)).toEqual(['yomikai-nightly-2026-12-07.db', 'yomikai-nightly-2026-12-08.db']);
    expect(backupLines(t.logs)).toHaveLength(2);
  });
});
