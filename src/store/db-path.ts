import { mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { databaseErrors, reasonOf } from './database-error.js';

/**
 * Makes sure the database's folder exists and the path is not a folder or a
 * device, before SQLite touches it. Returns whether the file already existed.
 *
 * The parents are created one at a time with a plain mkdir: Node 20's
 * `mkdirSync(..., { recursive: true })` never returns on some paths (a missing
 * folder under /proc, e.g. /proc/nope/x.db), where a single mkdir simply fails.
 */
export function prepareDatabasePath(file: string): boolean {
  createParentFolders(file);
  const stats = statIfPresent(file, file);
  if (!stats) return false;
  if (stats.isDirectory()) throw databaseErrors.folder(file);
  if (!stats.isFile()) throw databaseErrors.notRegularFile(file);
  return true;
}

function createParentFolders(file: string): void {
  const missing: string[] = [];
  let folder = dirname(file);
  for (;;) {
    const stats = statIfPresent(folder, file);
    if (stats) {
      if (!stats.isDirectory()) throw databaseErrors.parentIsFile(file, folder);
      break;
    }
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw databaseErrors.folderUncreatable(file, path, reasonOf(error));
    }
  }
}

/** The path's stats, or undefined when nothing is there; ENOTDIR counts as nothing so the walk finds the file in the way. */
function statIfPresent(path: string, file: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw databaseErrors.folderUnreachable(file, dirname(path), reasonOf(error));
  }
}
