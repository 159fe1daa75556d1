import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { channelKeyOf } from '../../src/core/invocation.js';
import { ADMIN, PLACE, quizHarness, tickUntil } from '../quiz/harness.js';
import { AnswerWriter, yomikai } from './db-cli-helpers.js';

/**
 * `yomikai db backup` while another OS process records answers at about 200 a
 * second, as a running bot would: the copy must be a sound database holding
 * every answer acknowledged before the backup began. A plain file copy fails
 * this — the newest answers are still in the WAL file beside the database.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openRound(file: string): Promise<number> {
  const h = quizHarness({ file, clock: new ManualClock('2026-12-01T08:59:00Z') });
  h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
  await tickUntil(h, '2026-12-01T09:00:00Z');
  const round = h.rounds.openIn(channelKeyOf(PLACE));
  h.db.close();
  if (!round) throw new Error('no round opened');
  return round.id;
}

describe('db backup beside a writing process', () => {
  // Two child processes and a CLI start on a shared 2-core machine: a generous hang detector, no speed check.
  it('holds every answer acknowledged before it started and passes integrity_check', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yomikai-backup-'));
    dirs.push(dir);
    const file = join(dir, 'yomikai.db');
    const roundId = await openRound(file);
    const writer = new AnswerWriter(file, roundId);
    try {
      await writer.waitFor(300);
      const acknowledged = writer.acked.length;
      const backup = join(dir, 'copy.db');
      const result = await yomikai('db', 'backup', backup, '--db', file);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`to ${backup}`);
      // The writer was not held up: it goes on acknowledging after the backup.
      await writer.waitFor(writer.acked.length + 20);

      const copy = new Database(backup, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const saved = new Set(copy.prepare('SELECT user_id FROM quiz_answers WHERE round_id = ?').pluck().all(roundId) as string[]);
        const missing = writer.acked.slice(0, acknowledged).filter((n) => !saved.has(`w-${n}`));
        expect(missing, `${missing.length} acknowledged answers missing from the backup`).toEqual([]);
      } finally {
        copy.close();
      }
    } finally {
      expect(await writer.stop()).toBe(0);
    }
  });
});
