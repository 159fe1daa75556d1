import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';

/** One JSON log line as pino writes it. */
export type LogLine = Record<string, unknown> & { msg: string };

/** A temp folder holding the database file and its backup folder; `cleanup` removes both. */
export function workspace(): { dir: string; dbFile: string; backupDir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-nightly-'));
  return { dir, dbFile: join(dir, 'yomikai.db'), backupDir: join(dir, 'backups'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real app on the real database file with nightly backups on, its log lines kept in `logs`. */
export function backupApp(dbFile: string, backupDir: string, clock: Clock, logs: LogLine[], env: Record<string, string> = {}): App {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const config = loadConfig({ YOMIKAI_DB: dbFile, YOMIKAI_BACKUP_DIR: backupDir, YOMIKAI_TIMEZONE: 'Asia/Tokyo', ...env }, {});
  return createApp(config, logger, clock);
}

/** What the backup folder holds, sorted. */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export function backupLines(logs: readonly LogLine[]): LogLine[] {
  return logs.filter((line) => line.msg.startsWith('nightly backup'));
}
