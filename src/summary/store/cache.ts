import type { Db } from '../../store/db.js';

/** What identifies one cached summary: the entry's content, the model (named with its server) and the form asked for. */
export interface SummaryKey {
  entryHash: string;
  model: string;
  lang: string;
  length: string;
}

export interface CachedSummary {
  text: string;
  tokens: number;
}

/** Finished summaries, shared by every place: the same entry, model and form cost one call ever. */
export class SummaryCacheStore {
  private readonly select;
  private readonly insert;

  constructor(db: Db) {
    this.select = db.prepare<[string, string, string, string], CachedSummary>(
      'SELECT text, tokens FROM summary_cache WHERE entry_hash = ? AND model = ? AND lang = ? AND length = ?',
    );
    // Two processes (the bot and the one-shot CLI) may finish the same summary; the first one stays.
    this.insert = db.prepare<[string, string, string, string, string, string, number, string]>(
      `INSERT INTO summary_cache (entry_hash, model, lang, length, entry_id, text, tokens, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
  }

  get(key: SummaryKey): CachedSummary | undefined {
    return this.select.get(key.entryHash, key.model, key.lang, key.length);
  }

  put(key: SummaryKey, entryId: string, summary: CachedSummary, at: Date): void {
    this.insert.run(key.entryHash, key.model, key.lang, key.length, entryId, summary.text, summary.tokens, at.toISOString());
  }
}
