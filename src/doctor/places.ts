import { existsSync } from 'node:fs';
import type { Db } from '../store/db.js';
import { openExisting } from '../store/open-existing.js';

/** A channel the bot posts to on its own (a quiz schedule or a reading session). */
export type { ScheduledChannel } from '../core/check-lines.js';
import type { ScheduledChannel } from '../core/check-lines.js';

/** What the database says is in use: scheduled channels and time zones (none when there is no database yet). */
export interface InUse {
  channels: ScheduledChannel[];
  zones: string[];
}

export function readInUse(dbPath: string): InUse {
  if (dbPath === ':memory:' || !existsSync(dbPath)) return { channels: [], zones: [] };
  const db = openExisting(dbPath, { readonly: true });
  try {
    return { channels: channels(db), zones: zones(db) };
  } finally {
    db.close();
  }
}

function channels(db: Db): ScheduledChannel[] {
  const quiz = db.prepare('SELECT DISTINCT platform, channel FROM quiz_schedules WHERE active = 1').all() as { platform: string; channel: string }[];
  const reading = db.prepare('SELECT DISTINCT platform, channel FROM reading_sessions WHERE cancelled_at IS NULL').all() as { platform: string; channel: string }[];
  const seen = new Map<string, ScheduledChannel>();
  for (const row of quiz) seen.set(`${row.platform}:${row.channel}`, { ...row, why: 'daily quiz' });
  for (const row of reading) {
    const key = `${row.platform}:${row.channel}`;
    const known = seen.get(key);
    seen.set(key, known ? { ...known, why: `${known.why}, reading sessions` } : { ...row, why: 'reading sessions' });
  }
  return [...seen.values()];
}

function zones(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT timezone AS zone FROM quiz_schedules WHERE active = 1
       UNION SELECT zone FROM reading_sessions WHERE cancelled_at IS NULL
       UNION SELECT timezone FROM place_settings WHERE timezone IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  return rows;
}
