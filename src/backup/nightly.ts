import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { localDateOf, occurrenceOn } from '../schedule/weekly.js';
import { backupDatabase } from '../store/backup.js';
import type { Db } from '../store/db.js';
import { openExisting } from '../store/open-existing.js';
import { BackupNights } from './nights.js';
import { nightlyName, rotateBackups } from './rotate.js';

/**
 * When the nightly backup is due, in the bot's zone (YOMIKAI_TIMEZONE): late
 * enough that study sessions are over, early enough to be before anyone's
 * morning quiz — and past 02:00–03:00, the hour most zones' DST changes skip
 * or repeat, so the time is there once every night.
 */
export const BACKUP_LOCAL_TIME = { hour: 3, minute: 30 } as const;

const EVERY_DAY = new Set([1, 2, 3, 4, 5, 6, 7]);

export interface NightlyBackupOptions {
  db: Db;
  /** The database file the app has open. */
  dbFile: string;
  dir: string;
  keep: number;
  zone: string;
  clock: Clock;
  logger: Logger;
}

/**
 * One verified backup per night. A tick on or after 03:30 local claims that
 * local date in SQLite, copies the database (online backup) under a
 * `.partial` name, runs integrity_check on the copy, gives it its nightly
 * name, records the night and rotates. A night missed while the bot was down
 * is caught up by any tick later that same local date; the next date is a
 * new night. A failed night is recorded and not retried: the next night is.
 */
export class NightlyBackup {
  private readonly nights: BackupNights;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: NightlyBackupOptions) {
    this.nights = new BackupNights(options.db);
  }

  tick(): Promise<void> {
    const { clock, zone } = this.options;
    const now = clock.now();
    const night = localDateOf(now, zone);
    const due = occurrenceOn({ ...BACKUP_LOCAL_TIME, days: EVERY_DAY, zone }, night);
    if (!due || now.getTime() < due.getTime()) return Promise.resolve();
    if (!this.nights.claim(night, now)) return Promise.resolve();
    const run = this.backUp(night);
    this.inFlight.add(run);
    // The tick's caller sees a failure (app.tick logs it); this bookkeeping must not add an unhandled one.
    run.then(
      () => this.inFlight.delete(run),
      () => this.inFlight.delete(run),
    );
    return run;
  }

  /** Resolves when a backup in flight has ended. */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async backUp(night: string): Promise<void> {
    const { dbFile, dir, keep, clock, logger } = this.options;
    const path = join(dir, nightlyName(dbFile, night));
    // Written under another name first: a crash mid-copy never leaves a file that looks like a backup.
    const partial = `${path}.partial`;
    try {
      mkdirSync(dir, { recursive: true });
      if (existsSync(path)) throw new Error(`${path} already exists (a restored database?); backups never overwrite a file`);
      await backupDatabase(dbFile, partial, clock);
      const problems = integrityProblems(partial);
      if (problems) throw new Error(`the copy failed integrity_check: ${problems}`);
      renameSync(partial, path);
      const bytes = statSync(path).size;
      this.nights.record(night, clock.now(), { verified: true, path, bytes });
      const removed = rotateBackups(dir, dbFile, keep);
      logger.info({ path, bytes, verified: true, night, removed }, 'nightly backup written and verified');
    } catch (error) {
      removeQuietly(partial);
      logger.error({ path, verified: false, night, err: error }, 'nightly backup failed; the next night tries again');
      this.nights.record(night, clock.now(), { verified: false, path, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** The half-written copy goes; when even that fails (the folder is gone or not a folder) there is nothing to remove. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // ENOTDIR / EACCES: the failure already logged says why.
  }
}

/** undefined when the copy is sound; else what integrity_check found. */
function integrityProblems(file: string): string | undefined {
  const copy = openExisting(file, { readonly: true });
  try {
    const rows = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    return rows.length === 1 && rows[0] === 'ok' ? undefined : rows.slice(0, 5).join('; ');
  } finally {
    copy.close();
  }
}
