/**
 * Schema history. Append only: each entry runs once, in order, and the
 * database's user_version records how many have run. Never edit a shipped one.
 */
export const migrations: readonly string[] = [
  // 1: per-place settings (a Discord server, a Slack workspace, the console).
  `CREATE TABLE place_settings (
     place      TEXT PRIMARY KEY,
     language   TEXT CHECK (language IN ('ja', 'en')),
     timezone   TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;`,
];
