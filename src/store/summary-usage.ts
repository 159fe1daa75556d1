import type { Db } from './db.js';

/** Tokens spent on summaries per scope (server/workspace) per local date, as the API reported them. */
export class SummaryUsageStore {
  private readonly select;
  private readonly add;

  constructor(db: Db) {
    this.select = db.prepare<[string, string], { tokens: number }>('SELECT tokens FROM summary_usage WHERE scope = ? AND local_date = ?');
    this.add = db.prepare<[string, string, number]>(
      `INSERT INTO summary_usage (scope, local_date, tokens, requests) VALUES (?, ?, ?, 1)
       ON CONFLICT (scope, local_date) DO UPDATE SET tokens = tokens + excluded.tokens, requests = requests + 1`,
    );
  }

  tokens(scope: string, localDate: string): number {
    return this.select.get(scope, localDate)?.tokens ?? 0;
  }

  record(scope: string, localDate: string, tokens: number): void {
    this.add.run(scope, localDate, tokens);
  }
}
