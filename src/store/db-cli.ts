import type { Clock } from '../core/clock.js';
import { backupDatabase } from './backup.js';
import { checkDatabase, formatReport, reportIsHealthy } from './check.js';
import type { Migration } from './migrations.js';

/** The `db` command's own wrong uses; the CLI prints them with its usage (exit 2). */
export class DbUsageError extends Error {}

/**
 * `yomikai db backup [PATH]` and `yomikai db check` on the configured database
 * (YOMIKAI_DB or --db). Exit codes as the rest of the CLI: 0 ok, 1 the check
 * found a problem; a missing or unusable file is a DatabaseError (exit 2).
 */
export async function runDbCommand(
  words: readonly string[],
  dbPath: string,
  migrations: readonly Migration[],
  clock: Clock,
  out: NodeJS.WritableStream,
): Promise<number> {
  const [action, ...rest] = words;
  if (dbPath === ':memory:') throw new DbUsageError('An in-memory database has nothing to back up or check: set YOMIKAI_DB (or --db) to a file.');
  if (action === 'backup') {
    if (rest.length > 1) throw new DbUsageError('db backup takes at most one PATH.');
    const result = await backupDatabase(dbPath, rest[0], clock);
    const report = checkDatabase(result.path, migrations);
    if (!reportIsHealthy(report)) {
      out.write(`${formatReport(report)}\nThe backup ${result.path} did not pass its check: keep the previous one and look at the disk.\n`);
      return 1;
    }
    out.write(`Backed up ${dbPath} to ${result.path} (${result.pages} pages, integrity ok).\n`);
    return 0;
  }
  if (action === 'check' && rest.length === 0) {
    const report = checkDatabase(dbPath, migrations);
    out.write(`${formatReport(report)}\n`);
    return reportIsHealthy(report) ? 0 : 1;
  }
  throw new DbUsageError(`Unknown "db ${words.join(' ')}". Did you mean "yomikai db backup [PATH]" or "yomikai db check"?`);
}
