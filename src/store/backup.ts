import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { DatabaseError } from './database-error.js';
import { openExisting } from './open-existing.js';

export interface BackupResult {
  path: string;
  pages: number;
}

/**
 * Copies the database with SQLite's online backup, safe while the bot writes:
 * the copy is one consistent snapshot that includes what is still in the WAL
 * (a plain file copy would miss it). The whole copy is one backup step, so it
 * reads one snapshot and never restarts when another process commits; in WAL
 * mode that read does not hold the writers back.
 *
 * Never overwrites: the target is created exclusively first, and removed
 * again if the copy fails, so a failed backup leaves nothing behind.
 */
export async function backupDatabase(file: string, target: string | undefined, clock: Clock): Promise<BackupResult> {
  const path = resolve(target ?? defaultBackupPath(file, clock.now()));
  reserve(file, path);
  const db = openExisting(file);
  try {
    const progress = await db.backup(path, { progress: () => 0x7fffffff });
    selfContained(path);
    return { path, pages: progress.totalPages };
  } catch (error) {
    rmSync(path, { force: true });
    throw new DatabaseError(file, `Could not back up ${file} to ${path} (${error instanceof Error ? error.message : String(error)}): check the disk and the folder's permissions.`);
  } finally {
    db.close();
  }
}

/**
 * Beside the database, named so that `ls` sorts backups by age:
 * yomikai.db → yomikai-backup-20261206T234512Z.db (UTC). A second backup
 * within the same second gets -2, -3, … rather than replacing the first.
 */
export function defaultBackupPath(file: string, now: Date): string {
  const ext = extname(file) || '.db';
  const stem = basename(file, extname(file));
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = join(dirname(resolve(file)), `${stem}-backup-${stamp}`);
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? '' : `-${n}`}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** The copy keeps the source's WAL mode; a backup is one file to keep or copy back, so switch it to a rollback journal. */
function selfContained(path: string): void {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function reserve(file: string, path: string): void {
  if (path === resolve(file)) throw new DatabaseError(file, `The backup path ${path} is the database itself: name another file.`);
  try {
    closeSync(openSync(path, 'wx'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DatabaseError(file, `${path} already exists: backups never overwrite a file, so name a new one (or leave PATH out for a dated name).`);
    throw new DatabaseError(file, `Cannot create the backup ${path} (${code ?? String(error)}): choose a folder you can write to.`);
  }
}
