import { DatabaseError } from './database-error.js';
import { appliedMigrations } from './migrate.js';
import type { Migration } from './migrations.js';
import { openExisting } from './open-existing.js';

export interface DatabaseReport {
  file: string;
  /** What PRAGMA integrity_check says: ['ok'] for a sound file. */
  integrity: string[];
  /** Migrations the file has run, of those this build ships; undefined when another build changed it. */
  applied: number | undefined;
  known: number;
  /** The name of the last migration the file has run, when it is one of ours. */
  latest?: string;
  /** Why the schema is not ours (another branch, a newer release), when it is not. */
  schemaProblem?: string;
  rows: { table: string; count: number }[];
}

/** Sound and at a schema this build can use (an older one is fine: the bot upgrades it at start). */
export function reportIsHealthy(report: DatabaseReport): boolean {
  return report.integrity.length === 1 && report.integrity[0] === 'ok' && report.schemaProblem === undefined;
}

/**
 * Looks the file over read-only, so it can run beside the bot: integrity_check
 * (every page, index and constraint), the migrations it has run by name, and
 * the rows in each table.
 */
export function checkDatabase(file: string, migrations: readonly Migration[]): DatabaseReport {
  const db = openExisting(file, { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    let applied: number | undefined;
    let schemaProblem: string | undefined;
    try {
      applied = appliedMigrations(db, migrations);
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      schemaProblem = error.message;
    }
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
      .pluck()
      .all() as string[];
    const rows = tables.map((table) => ({ table, count: db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number }));
    const latest = applied ? migrations[applied - 1]?.name : undefined;
    return { file, integrity, applied, known: migrations.length, ...(latest ? { latest } : {}), ...(schemaProblem ? { schemaProblem } : {}), rows };
  } finally {
    db.close();
  }
}

/** The report as `yomikai db check` prints it. */
export function formatReport(report: DatabaseReport): string {
  const lines = [`Database ${report.file}`];
  const sound = report.integrity.length === 1 && report.integrity[0] === 'ok';
  lines.push(sound ? '  integrity: ok' : `  integrity: FAILED — restore a backup (see README "Hosting"):\n${report.integrity.slice(0, 20).map((l) => `    ${l}`).join('\n')}`);
  if (report.schemaProblem) lines.push(`  schema: FAILED — ${report.schemaProblem}`);
  else {
    const behind = report.known - (report.applied ?? 0);
    lines.push(`  schema: ${report.applied} of ${report.known} migrations (latest ${report.latest ?? 'none'})${behind > 0 ? `; the bot applies the other ${behind} at its next start` : ''}`);
  }
  lines.push('  rows:');
  for (const row of report.rows) lines.push(`    ${row.table.padEnd(28)} ${String(row.count).padStart(8)}`);
  return lines.join('\n');
}
