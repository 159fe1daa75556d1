import type { Migration } from '../store/migrations.js';

/** The reading group's tables (src/store/migrations.ts says how the global order works). */
export const readingMigrations: readonly Migration[] = [
  // 0004: reading-group sessions. A session (one meeting or a series) per row; occurrences
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
  // 0007: reminder rows are deleted when a session's time moves, and SQLite hands a deleted top
  // id out again: AUTOINCREMENT makes reminder ids — and so their idempotency keys — unique for
  // ever. The lease records its owner, as the quiz's does.
  {
    name: '0007-reading-reminder-keys',
    sql: `CREATE TABLE reading_reminders_v5 (
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
  // 0009: nominate and vote. A nomination is one person's candidate for the channel's next
  // reading (UNIQUE channel + paper + nominator). A ballot snapshots the open candidates; one
  // open ballot per channel (partial UNIQUE index). Closing is the state change open → closed
  // (only one caller's UPDATE changes the row: that is the claim), then the closing edit and the
  // result post, each recorded. One vote per person per ballot (upserted, so it can change).
  {
    name: '0009-reading-ballots',
    sql: `CREATE TABLE reading_nominations (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     channel_key   TEXT NOT NULL,
     paper         TEXT NOT NULL,
     note          TEXT,
     nominated_by  TEXT NOT NULL,
     nominator_name TEXT NOT NULL,
     nominated_at  TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('open', 'chosen', 'withdrawn')),
     chosen_in     INTEGER,
     UNIQUE (channel_key, paper, nominated_by)
   ) STRICT;
   CREATE INDEX reading_nominations_open ON reading_nominations (channel_key, state);
   CREATE TABLE reading_ballots (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     channel_key   TEXT NOT NULL,
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     channel       TEXT NOT NULL,
     lang          TEXT NOT NULL,
     zone          TEXT NOT NULL,
     opened_by     TEXT NOT NULL,
     opened_at     TEXT NOT NULL,
     closes_at     TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('open', 'closed')),
     message_id    TEXT,
     closed_at     TEXT,
     winner        INTEGER,
     buttons_closed INTEGER NOT NULL DEFAULT 0,
     result_message_id TEXT,
     attempts      INTEGER NOT NULL DEFAULT 0,
     retry_at      TEXT,
     lease_until   TEXT,
     lease_owner   TEXT
   ) STRICT;
   CREATE UNIQUE INDEX reading_ballots_one_open ON reading_ballots (channel_key) WHERE state = 'open';
   CREATE INDEX reading_ballots_due ON reading_ballots (state, closes_at);
   CREATE TABLE reading_ballot_candidates (
     ballot_id     INTEGER NOT NULL REFERENCES reading_ballots (id),
     nomination_id INTEGER NOT NULL REFERENCES reading_nominations (id),
     position      INTEGER NOT NULL,
     PRIMARY KEY (ballot_id, nomination_id)
   ) STRICT;
   CREATE TABLE reading_votes (
     ballot_id     INTEGER NOT NULL REFERENCES reading_ballots (id),
     user_id       TEXT NOT NULL,
     nomination_id INTEGER NOT NULL,
     voted_at      TEXT NOT NULL,
     PRIMARY KEY (ballot_id, user_id)
   ) STRICT;`,
  },
  // 0010: the subscribable calendar feed. A session's `sequence` counts its edits, skips and
  // cancellation (RFC 5545 SEQUENCE, so subscribed calendars take the change) and `revised_at`
  // is when that last happened (the feed's DTSTAMP: the same data gives the same bytes, so the
  // ETag holds). Feed tokens are kept only as SHA-256 hashes, one per member per channel.
  {
    name: '0010-reading-feed',
    sql: `ALTER TABLE reading_sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE reading_sessions ADD COLUMN revised_at TEXT;
   CREATE TABLE reading_feed_tokens (
     token_hash    TEXT PRIMARY KEY,
     channel_key   TEXT NOT NULL,
     user_id       TEXT NOT NULL,
     lang          TEXT NOT NULL,
     created_at    TEXT NOT NULL,
     UNIQUE (channel_key, user_id)
   ) STRICT;`,
  },
  // 0011: the /reading add confirmation, where an adapter could tell its message id, so live RSVP
  // counts reach it as they reach reminders. Its channel is the session's.
  {
    name: '0011-reading-add-messages',
    sql: `CREATE TABLE reading_add_messages (
     occurrence_id INTEGER NOT NULL REFERENCES reading_occurrences (id),
     message_id    TEXT NOT NULL,
     posted_at     TEXT NOT NULL,
     PRIMARY KEY (occurrence_id, message_id)
   ) STRICT;`,
  },
  // 0012: sessions mirrored into a platform's own events list (Discord's scheduled events). One row
  // per meeting (UNIQUE session + index: the claim, so two ticks or two processes create one event);
  // 'claimed' until the event's id is recorded, then the hash of what was last sent. AUTOINCREMENT
  // keeps row ids — and the marker each event carries — unique for ever. Per server: the switch
  // (on unless turned off), what the last permission check said, and when the hint was given.
  {
    name: '0012-discord-events',
    sql: `CREATE TABLE reading_guild_events (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id    INTEGER NOT NULL REFERENCES reading_sessions (id),
     idx           INTEGER NOT NULL,
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     starts_at     TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('claimed', 'synced')),
     event_id      TEXT,
     synced_hash   TEXT,
     lease_owner   TEXT,
     lease_until   TEXT,
     UNIQUE (session_id, idx)
   ) STRICT;
   CREATE INDEX reading_guild_events_scope ON reading_guild_events (platform, scope);
   CREATE TABLE reading_event_settings (
     platform      TEXT NOT NULL,
     scope         TEXT NOT NULL,
     enabled       INTEGER NOT NULL DEFAULT 1,
     permission    TEXT CHECK (permission IN ('allowed', 'missing')),
     hinted_at     TEXT,
     PRIMARY KEY (platform, scope)
   ) STRICT;`,
  },
];
