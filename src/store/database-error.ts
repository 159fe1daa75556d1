import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** What every message ends with: the two ways to point yomikai at another file. */
const CHOOSE_ANOTHER = 'set YOMIKAI_DB (or --db) to another file';

/** For a file another build of yomikai has migrated: this build must not touch it. */
const OPEN_WITH_ITS_MAKER = `use it with the yomikai that made it, or restore a backup made by this one, or ${CHOOSE_ANOTHER}`;

/**
 * A database file yomikai cannot use: a folder, another kind of file, a newer
 * schema or another branch's, a read-only place. It is the user's to fix, so start-up prints this
 * one line (it names the file and what to do) instead of a stack trace.
 */
export class DatabaseError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'DatabaseError';
  }
}

export const databaseErrors = {
  folder: (file: string) =>
    new DatabaseError(file, `The database ${file} is a folder, not a file: ${CHOOSE_ANOTHER}, e.g. ${file.replace(/\/+$/, '')}/yomikai.db.`),
  notRegularFile: (file: string) =>
    new DatabaseError(file, `The database ${file} is not a regular file (a device or a pipe?): ${CHOOSE_ANOTHER}.`),
  parentIsFile: (file: string, blocker: string) =>
    new DatabaseError(file, `Cannot create the database ${file}: ${blocker} is a file, not a folder. Move that file or ${CHOOSE_ANOTHER}.`),
  folderUncreatable: (file: string, folder: string, reason: string) =>
    new DatabaseError(file, `Cannot create the folder ${folder} for the database ${file} (${reason}): ${CHOOSE_ANOTHER} in a folder you can write to.`),
  folderUnreachable: (file: string, folder: string, reason: string) =>
    new DatabaseError(file, `Cannot look inside ${folder} for the database ${file} (${reason}): fix its permissions or ${CHOOSE_ANOTHER}.`),
  newerSchema: (file: string, found: number, known: number) =>
    new DatabaseError(
      file,
      `The database ${file} was written by a newer yomikai (schema version ${found}; this one knows up to ${known}): upgrade yomikai, or ${CHOOSE_ANOTHER}.`,
    ),
  unknownMigration: (file: string, name: string) =>
    new DatabaseError(
      file,
      `The database ${file} was changed by a yomikai this one does not know (a newer release or another branch ran its migration ${name}): ${OPEN_WITH_ITS_MAKER}.`,
    ),
  migrationOrder: (file: string, name: string, position: number, ours: number) =>
    new DatabaseError(
      file,
      `The database ${file} was changed by another branch of yomikai (it ran the migration ${name} as number ${position}; this one has it as number ${ours}): ${OPEN_WITH_ITS_MAKER}.`,
    ),
  unknownSchema: (file: string, version: number) =>
    new DatabaseError(
      file,
      `The database ${file} was made by another branch of yomikai (schema version ${version}, but not the tables this one's first ${version} migrations make): ${OPEN_WITH_ITS_MAKER}.`,
    ),
  recordMismatch: (file: string, version: number, recorded: number) =>
    new DatabaseError(
      file,
      `The database ${file} says schema version ${version} but records ${recorded} migrations by name (was it changed by another program?): restore it from a backup or ${CHOOSE_ANOTHER}.`,
    ),
};

/** Words for the errno codes a folder or file operation gives on a bad path. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'the file system does not allow it';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return code ?? String(error);
  }
}

/**
 * Turns what SQLite says while opening, switching to WAL or migrating into a
 * DatabaseError that says what to do. Anything that is not SQLite's own
 * error (a bug of ours) is returned unchanged, to be reported with its stack.
 */
export function explainSqliteError(file: string, error: unknown, existedBefore: boolean): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  const folder = dirname(file);
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseError(file, `${file} is not a yomikai database (it is some other kind of file): move it away or ${CHOOSE_ANOTHER}.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseError(file, `The database ${file} is damaged (${error.message}): restore it from a backup or ${CHOOSE_ANOTHER}.`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError(
      file,
      `The database ${file} is read-only: yomikai must be able to write to it and to its folder ${folder}. Make both writable or ${CHOOSE_ANOTHER}.`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return existedBefore
      ? new DatabaseError(file, `Cannot open the database ${file} for reading and writing (no permission?): fix its permissions or ${CHOOSE_ANOTHER}.`)
      : new DatabaseError(file, `Cannot create the database ${file}: the folder ${folder} does not accept new files (read-only or no permission). ${capitalised(CHOOSE_ANOTHER)} in a folder you can write to.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseError(file, `The database ${file} stayed locked by another program for 5 seconds: stop that program or ${CHOOSE_ANOTHER}.`);
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseError(file, `Cannot write the database ${file} (${error.message}): check the disk, or ${CHOOSE_ANOTHER}.`);
  }
  return new DatabaseError(file, `Cannot use the database ${file} (${code}: ${error.message}): ${CHOOSE_ANOTHER}.`);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
