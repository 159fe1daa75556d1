/** One schema change: its name is what a database records once it has run. */
export interface Migration {
  /** Never changes once shipped: `NNNN-what`, numbered in the order the list runs. */
  name: string;
  sql: string;
}

/**
 * Schema history. Append only: each entry runs once, in order, and the database
 * records its name (table schema_migrations) and how many have run (user_version,
 * which releases from before the names still read). Never edit, rename or reorder
 * a shipped one: a database that recorded it would be refused (src/store/migrate.ts).
 */
export const migrations: readonly Migration[] = [
  // 1: per-place settings (a Discord server, a Slack workspace, the console).
  {
    name: '0001-place-settings',
    sql: `CREATE TABLE place_settings (
     place      TEXT PRIMARY KEY,
     language   TEXT CHECK (language IN ('ja', 'en')),
     timezone   TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;`,
  },
  // 2: the daily quiz. A schedule per channel (local time + IANA zone); one round per
  // channel per local date (the UNIQUE key is the claim that makes posting exactly-once);
  // one answer per person per round (upserted, so a second click changes it).
  {
    name: '0002-quiz',
    sql: `CREATE TABLE quiz_schedules (
     channel_key   TEXT PRIMARY KEY,
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     channel       TEXT NOT NULL,
     hour          INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
     minute        INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
     days          TEXT NOT NULL,
     timezone      TEXT NOT NULL,
     reveal_after  INTEGER NOT NULL,
     active        INTEGER NOT NULL DEFAULT 1,
     disabled_reason TEXT,
     created_by    TEXT NOT NULL,
     updated_at    TEXT NOT NULL
   ) STRICT;
   CREATE TABLE quiz_rounds (
     id            INTEGER PRIMARY KEY,
     channel_key   TEXT NOT NULL,
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     channel       TEXT NOT NULL,
     local_date    TEXT NOT NULL,
     question_id   TEXT NOT NULL,
     -- The question as asked (JSON): a later edit of the bank never changes a past round.
     question      TEXT NOT NULL,
     correct_choice INTEGER NOT NULL,
     choice_order  TEXT NOT NULL,
     lang          TEXT NOT NULL,
     timezone      TEXT NOT NULL,
     scheduled_for TEXT NOT NULL,
     reveal_at     TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('claimed', 'open', 'revealed', 'abandoned')),
     message_id    TEXT,
     attempts      INTEGER NOT NULL DEFAULT 0,
     retry_at      TEXT,
     lease_until   TEXT,
     posted_at     TEXT,
     revealed_at   TEXT,
     reveal_message_id TEXT,
     UNIQUE (channel_key, local_date)
   ) STRICT;
   CREATE INDEX quiz_rounds_due ON quiz_rounds (state, reveal_at);
   CREATE INDEX quiz_rounds_question ON quiz_rounds (channel_key, question_id);
   CREATE TABLE quiz_answers (
     round_id      INTEGER NOT NULL REFERENCES quiz_rounds (id),
     user_id       TEXT NOT NULL,
     user_name     TEXT NOT NULL,
     choice        INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3),
     answered_at   TEXT NOT NULL,
     PRIMARY KEY (round_id, user_id)
   ) STRICT;`,
  },
  // 3: LLM summaries. A cached answer per (entry content hash, model, language, length): editing
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
  // 4: reading-group sessions. A session (one meeting or a series) per row; occurrences
  // are materialised lazily (UNIQUE session + index in the series) so skips, per-occurrence
  // presenters and RSVPs survive restarts; one RSVP per person per occurrence; one
  // reminder per (occurrence, stage) — that UNIQUE key is the claim that makes it exactly-once.
  {
    name: '0004-reading-sessions',
    sql: `CREATE TABLE reading_sessions (
     id            INTEGER PRIMARY KEY,
     channel_key   TEXT NOT NULL,
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     channel       TEXT NOT NULL,
     title         TEXT NOT NULL,
     paper         TEXT,
     presenter     TEXT,
     rotation      TEXT,
     repeat        TEXT,
     zone          TEXT NOT NULL,
     first_start   TEXT NOT NULL,
     -- Occurrences held before the last change of time keep their indexes below this.
     index_base    INTEGER NOT NULL DEFAULT 0,
     duration_minutes INTEGER NOT NULL DEFAULT 60,
     lang          TEXT NOT NULL,
     created_by    TEXT NOT NULL,
     created_at    TEXT NOT NULL,
     cancelled_at  TEXT
   ) STRICT;
   CREATE INDEX reading_sessions_channel ON reading_sessions (channel_key, cancelled_at);
   CREATE TABLE reading_occurrences (
     id            INTEGER PRIMARY KEY,
     session_id    INTEGER NOT NULL REFERENCES reading_sessions (id),
     idx           INTEGER NOT NULL,
     starts_at     TEXT NOT NULL,
     skipped       INTEGER NOT NULL DEFAULT 0,
     presenter     TEXT,
     UNIQUE (session_id, idx)
   ) STRICT;
   CREATE TABLE reading_rsvps (
     occurrence_id INTEGER NOT NULL REFERENCES reading_occurrences (id),
     user_id       TEXT NOT NULL,
     user_name     TEXT NOT NULL,
     status        TEXT NOT NULL CHECK (status IN ('going', 'maybe', 'no')),
     updated_at    TEXT NOT NULL,
     PRIMARY KEY (occurrence_id, user_id)
   ) STRICT;
   CREATE TABLE reading_reminders (
     id            INTEGER PRIMARY KEY,
     occurrence_id INTEGER NOT NULL REFERENCES reading_occurrences (id),
     stage         INTEGER NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'passed')),
     message_id    TEXT,
     attempts      INTEGER NOT NULL DEFAULT 0,
     retry_at      TEXT,
     lease_until   TEXT,
     posted_at     TEXT,
     UNIQUE (occurrence_id, stage)
   ) STRICT;
   CREATE TABLE reading_channel_settings (
     channel_key   TEXT PRIMARY KEY,
     offsets       TEXT NOT NULL
   ) STRICT;`,
  },
  // 0005: keys that are never reused, and leases with an owner. `instance` names this database
  // in every idempotency key, so another yomikai database posting in the same channel never
  // matches ours. Reminder rows are deleted when a session's time moves, and SQLite hands a
  // deleted top id out again: AUTOINCREMENT makes reminder ids (and so their keys) unique for
  // ever. A lease records who holds it, so its holder can renew it right before each post and
  // anyone else finds it taken. `buttons_closed` keeps a reveal's closing edit pending until it lands.
  {
    name: '0005-post-keys',
    sql: `CREATE TABLE instance (
     id            TEXT NOT NULL
   ) STRICT;
   INSERT INTO instance (id) VALUES (lower(hex(randomblob(5))));
   ALTER TABLE quiz_rounds ADD COLUMN lease_owner TEXT;
   ALTER TABLE quiz_rounds ADD COLUMN buttons_closed INTEGER NOT NULL DEFAULT 0;
   UPDATE quiz_rounds SET buttons_closed = 1 WHERE state IN ('revealed', 'abandoned');
   CREATE TABLE reading_reminders_v5 (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     occurrence_id INTEGER NOT NULL REFERENCES reading_occurrences (id),
     stage         INTEGER NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'passed')),
     message_id    TEXT,
     attempts      INTEGER NOT NULL DEFAULT 0,
     retry_at      TEXT,
     lease_until   TEXT,
     posted_at     TEXT,
     lease_owner   TEXT,
     UNIQUE (occurrence_id, stage)
   ) STRICT;
   INSERT INTO reading_reminders_v5 (id, occurrence_id, stage, state, message_id, attempts, retry_at, lease_until, posted_at)
     SELECT id, occurrence_id, stage, state, message_id, attempts, retry_at, lease_until, posted_at FROM reading_reminders;
   DROP TABLE reading_reminders;
   ALTER TABLE reading_reminders_v5 RENAME TO reading_reminders;`,
  },
];
