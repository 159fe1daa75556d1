import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { CatalogError, loadCatalog } from '../catalog/load.js';
import { isTimeZone } from '../core/timezone.js';
import { QuizBankError, loadQuestionBank } from '../quiz/bank/index.js';
import { allMigrations } from '../app.js';
import { checkDatabase, reportIsHealthy } from '../store/check.js';
import { DatabaseError } from '../store/database-error.js';
import { openExisting } from '../store/open-existing.js';
import { fail, pass, type CheckLine } from '../core/check-lines.js';

/** The database: sound, at a schema this build uses, and writable (a write is made and rolled back). */
export function databaseLines(config: Config): CheckLine[] {
  const file = config.dbPath;
  if (file === ':memory:') return [pass('database: in memory', 'nothing is kept between starts; set YOMIKAI_DB to a file to keep it')];
  if (!existsSync(file)) return [pass(`database ${file}: not there yet`, 'the bot creates it at its first start')];
  try {
    const report = checkDatabase(file, allMigrations());
    if (!reportIsHealthy(report)) return [fail(`database ${file}`, report.schemaProblem ?? 'integrity_check failed: restore a backup (npx yomikai db check shows what is wrong)')];
    const db = openExisting(file);
    try {
      // A real write, rolled back: taking the write lock alone passes on a file SQLite may only read.
      db.exec('BEGIN IMMEDIATE; CREATE TABLE doctor_write_probe (x); ROLLBACK');
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
    const behind = report.known - (report.applied ?? 0);
    return [pass(`database ${file}: sound and writable, schema ${report.applied} of ${report.known}`, behind > 0 ? 'the bot upgrades it at its next start' : undefined)];
  } catch (error) {
    if (error instanceof DatabaseError) return [fail(`database ${file}`, error.message)];
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_BUSY')) {
      return [fail(`database ${file}: not writable (${code})`, 'make the file and its folder writable by the bot\'s user, or stop the program holding it')];
    }
    throw error;
  }
}

/** The catalog and the quiz bank load and validate as the bot loads them. */
export function contentLines(config: Config): CheckLine[] {
  try {
    const catalog = loadCatalog(config.catalogDir, config.catalogCacheDir ? { cacheDir: config.catalogCacheDir } : {});
    const bank = loadQuestionBank(config.quizDir, catalog);
    return [pass(`catalog and quiz bank: ${catalog.counts().model} models, ${bank.questions.length} questions`)];
  } catch (error) {
    if (error instanceof CatalogError || error instanceof QuizBankError) {
      return [fail('catalog and quiz bank', `${error.message.split('\n').slice(0, 2).join(' ')} (npx yomikai catalog check / quiz bank --check list every problem)`)];
    }
    throw error;
  }
}

/** Every zone a schedule, session or setting uses is known to this Node's time-zone data. */
export function zoneLines(config: Config, zones: readonly string[]): CheckLine[] {
  const unknown = [...new Set([config.defaultTimezone, ...zones])].filter((zone) => !isTimeZone(zone));
  if (unknown.length === 0) return [pass(`time zones: ${new Set([config.defaultTimezone, ...zones]).size} in use, all known`)];
  return [fail(`time zones unknown to this Node: ${unknown.join(', ')}`, 'use a Node build with full ICU (the official images have it) or update Node\'s time-zone data')];
}
