import type { Db } from '../store/db.js';

/** How a night's backup ended. */
export interface NightOutcome {
  verified: boolean;
  path?: string;
  bytes?: number;
  error?: string;
}

/**
 * The nights the bot has backed the database up (table backup_nights,
 * migration 0008). Claim, then back up, then record: the night is the
 * primary key, so of two ticks or two processes only one claims it, and a
 * restart finds the claim and does not back up again.
 */
export class BackupNights {
  constructor(private readonly db: Db) {}

  /** True when this call took the night; false when someone (this or another process) already had. */
  claim(night: string, at: Date): boolean {
    const result = this.db.prepare('INSERT INTO backup_nights (night, claimed_at) VALUES (?, ?) ON CONFLICT (night) DO NOTHING').run(night, at.toISOString());
    return result.changes === 1;
  }

  record(night: string, at: Date, outcome: NightOutcome): void {
    this.db
      .prepare('UPDATE backup_nights SET finished_at = ?, outcome = ?, path = ?, bytes = ?, error = ? WHERE night = ?')
      .run(at.toISOString(), outcome.verified ? 'verified' : 'failed', outcome.path ?? null, outcome.bytes ?? null, outcome.error ?? null, night);
  }
}
