import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { backupApp, backupLines, filesIn, workspace, type LogLine } from './harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Files in the backup folder that the bot did not write: it must never delete one. */
const FOREIGN = [
  'notes.txt',
  'yomikai-backup-20261201T000000Z.db', // a `yomikai db backup` copy
  'other-nightly-2026-11-01.db', // another database's nightly backup
  'yomikai-nightly-2026-11-01.db.keep', // a copy someone renamed to keep
  'yomikai-nightly-latest.db',
];

describe('nightly backup rotation', () => {
  it('keeps the newest KEEP of its own backups and never deletes a file it did not write', async () => {
    const space = workspace();
    const logs: LogLine[] = [];
    let app: App | undefined;
    cleanups.push(space.cleanup, () => app?.close());
    mkdirSync(space.backupDir, { recursive: true });
    for (const name of FOREIGN) writeFileSync(join(space.backupDir, name), 'not ours');
    // Two older nights already in the folder, as an earlier run left them.
    writeFileSync(join(space.backupDir, 'yomikai-nightly-2026-11-30.db'), 'older');
    writeFileSync(join(space.backupDir, 'yomikai-nightly-2026-12-01.db'), 'old');
    const clock = new ManualClock('2026-12-01T18:30:00Z');
    app = backupApp(space.dbFile, space.backupDir, clock, logs, { YOMIKAI_BACKUP_KEEP: '2' });
    for (const at of ['2026-12-01T18:30:00Z', '2026-12-02T18:30:00Z', '2026-12-03T18:30:00Z']) {
      clock.set(at);
      await app.tick();
      await app.idle();
    }
    expect(filesIn(space.backupDir)).toEqual([...FOREIGN, 'yomikai-nightly-2026-12-03.db', 'yomikai-nightly-2026-12-04.db'].sort());
    expect(backupLines(logs).map((line) => line.removed)).toEqual([
      [join(space.backupDir, 'yomikai-nightly-2026-11-30.db')],
      [join(space.backupDir, 'yomikai-nightly-2026-12-01.db')],
      [join(space.backupDir, 'yomikai-nightly-2026-12-02.db')],
    ]);
  });
});
