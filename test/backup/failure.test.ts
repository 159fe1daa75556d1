import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { backupApp, backupLines, workspace, type LogLine } from './harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('a nightly backup that cannot be written', () => {
  it('is logged as an error, recorded as failed, leaves the bot ticking and is not retried every minute that night', async () => {
    const space = workspace();
    const logs: LogLine[] = [];
    let app: App | undefined;
    cleanups.push(space.cleanup, () => app?.close());
    // The "folder" is a file: mkdir fails as it would on a missing mount or a read-only disk.
    writeFileSync(space.backupDir, 'not a folder');
    const clock = new ManualClock('2026-12-06T18:30:00Z');
    app = backupApp(space.dbFile, space.backupDir, clock, logs);
    await app.tick();
    await app.idle();
    clock.set('2026-12-06T18:31:00Z');
    await app.tick();
    await app.idle();
    const lines = backupLines(logs);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, verified: false, night: '2026-12-07', msg: 'nightly backup failed; the next night tries again' });
    const row = app.db.prepare('SELECT outcome, error FROM backup_nights WHERE night = ?').get('2026-12-07') as { outcome: string; error: string };
    expect(row.outcome).toBe('failed');
    expect(row.error).toContain('EEXIST');
  });
});
