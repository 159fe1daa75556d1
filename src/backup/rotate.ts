import { readdirSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/**
 * The names nightly backups get: yomikai.db → yomikai-nightly-2026-12-07.db
 * (the local date of the night), so `ls` sorts them by age. Rotation deletes
 * only names of exactly this shape: a file someone else put in the folder —
 * or a `yomikai db backup` copy — is never touched.
 */
export function nightlyName(dbFile: string, night: string): string {
  return `${stemOf(dbFile)}-nightly-${night}${extname(dbFile) || '.db'}`;
}

/** Deletes the oldest of this database's nightly backups in `dir` beyond the newest `keep`; returns what it deleted. */
export function rotateBackups(dir: string, dbFile: string, keep: number): string[] {
  const ours = new RegExp(`^${escapeRegExp(stemOf(dbFile))}-nightly-\\d{4}-\\d{2}-\\d{2}${escapeRegExp(extname(dbFile) || '.db')}$`);
  // The date in the name sorts as text; newest first.
  const backups = readdirSync(dir).filter((name) => ours.test(name)).sort().reverse();
  const old = backups.slice(keep).map((name) => join(dir, name));
  for (const path of old) rmSync(path, { force: true });
  return old;
}

function stemOf(dbFile: string): string {
  return basename(dbFile, extname(dbFile));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
