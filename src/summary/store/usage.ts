import type { Db } from '../../store/db.js';

/**
 * Tokens spent on summaries per scope (server/workspace) per local date. While
 * a call is on its way its row holds the call's worst case (a reservation);
 * once the call ends, the reservation is replaced by what the server billed.
 * Both live in the one `tokens` column, so no schema change was needed.
 */
export class SummaryUsageStore {
  private readonly select;
  private readonly add;
  private readonly adjust;
  private readonly reserveWithinCap;

  constructor(db: Db) {
    this.select = db.prepare<[string, string], { tokens: number }>('SELECT tokens FROM summary_usage WHERE scope = ? AND local_date = ?');
    this.add = db.prepare<[string, string, number]>(
      `INSERT INTO summary_usage (scope, local_date, tokens, requests) VALUES (?, ?, ?, 1)
       ON CONFLICT (scope, local_date) DO UPDATE SET tokens = tokens + excluded.tokens, requests = requests + 1`,
    );
    this.adjust = db.prepare<[number, string, string]>('UPDATE summary_usage SET tokens = tokens + ? WHERE scope = ? AND local_date = ?');
    // IMMEDIATE takes the write lock before the read, so a second process (the CLI beside the bot)
    // cannot check the same room between our check and our reservation.
    this.reserveWithinCap = db.transaction((scope: string, localDate: string, worst: number, cap: number): boolean => {
      if (this.tokens(scope, localDate) + worst > cap) return false;
      this.add.run(scope, localDate, worst);
      return true;
    });
  }

  /** Today's tokens: what calls were billed plus the worst case of calls still on their way. */
  tokens(scope: string, localDate: string): number {
    return this.select.get(scope, localDate)?.tokens ?? 0;
  }

  /**
   * Reserves `worst` tokens if the day still has room for them (tokens so far,
   * reservations included, + worst ≤ cap), in one transaction; false when not.
   */
  reserve(scope: string, localDate: string, worst: number, cap: number): boolean {
    return this.reserveWithinCap.immediate(scope, localDate, worst, cap);
  }

  /** Replaces a reservation of `reserved` tokens by the `charged` ones (0 releases it). */
  settle(scope: string, localDate: string, reserved: number, charged: number): void {
    if (charged !== reserved) this.adjust.run(charged - reserved, scope, localDate);
  }
}
