import type { Migration } from '../store/migrations.js';

/** The quiz's tables (src/store/migrations.ts says how the global order works). */
export const quizMigrations: readonly Migration[] = [
  // 0002: the daily quiz. A schedule per channel (local time + IANA zone); one round per
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
  // 0006: leases with an owner, so the holder can renew it right before each post and anyone
  // else finds it taken; and a reveal's closing edit kept pending until it lands.
  {
    name: '0006-quiz-leases',
    sql: `ALTER TABLE quiz_rounds ADD COLUMN lease_owner TEXT;
   ALTER TABLE quiz_rounds ADD COLUMN buttons_closed INTEGER NOT NULL DEFAULT 0;
   UPDATE quiz_rounds SET buttons_closed = 1 WHERE state IN ('revealed', 'abandoned');`,
  },
];
