import type { Migration } from '../store/migrations.js';

/** The summaries' tables (src/store/migrations.ts says how the global order works). */
export const summaryMigrations: readonly Migration[] = [
  // 0003: LLM summaries. A cached answer per (entry content hash, model, language, length): editing
  // the entry changes its hash, so the old answer is simply never asked for again. Tokens used
  // per scope (a Discord server, a Slack workspace) per local date, for the daily cap.
  {
    name: '0003-summaries',
    sql: `CREATE TABLE summary_cache (
     entry_hash  TEXT NOT NULL,
     model       TEXT NOT NULL,
     lang        TEXT NOT NULL,
     length      TEXT NOT NULL,
     entry_id    TEXT NOT NULL,
     text        TEXT NOT NULL,
     tokens      INTEGER NOT NULL,
     created_at  TEXT NOT NULL,
     PRIMARY KEY (entry_hash, model, lang, length)
   ) STRICT;
   CREATE TABLE summary_usage (
     scope       TEXT NOT NULL,
     local_date  TEXT NOT NULL,
     tokens      INTEGER NOT NULL DEFAULT 0,
     requests    INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (scope, local_date)
   ) STRICT;`,
  },
];
