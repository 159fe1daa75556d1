import type { Db } from './db.js';

/**
 * This database's own name (random, made by migration 5): part of every
 * idempotency key, so a message another yomikai database posted in the same
 * channel — same round number, same key shape — is never taken for ours.
 */
export function instanceId(db: Db): string {
  const row = db.prepare<[], { id: string }>('SELECT id FROM instance LIMIT 1').get();
  if (!row) throw new Error('the database has no instance id (migration 5 did not run)');
  return row.id;
}

/** The keys scheduled posts carry; each is unique for ever within a database (ids are never reused). */
export interface PostKeys {
  round(id: number): string;
  reveal(id: number): string;
  reminder(id: number): string;
  /** A reading-group ballot, and its result. */
  ballot(id: number): string;
  ballotResult(id: number): string;
}

/** Short enough for Discord's 25-character nonce: prefix + 10 hex + base-36 id. */
export function postKeys(instance: string): PostKeys {
  return {
    round: (id) => `yq${instance}${id.toString(36)}`,
    reveal: (id) => `yr${instance}${id.toString(36)}`,
    reminder: (id) => `yrm${instance}${id.toString(36)}`,
    ballot: (id) => `yb${instance}${id.toString(36)}`,
    ballotResult: (id) => `ybr${instance}${id.toString(36)}`,
  };
}
