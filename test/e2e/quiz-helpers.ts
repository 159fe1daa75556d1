import type { App } from '../../src/app.js';
import type { Round } from '../../src/quiz/store/rounds.js';
import { instanceId, postKeys, type PostKeys } from '../../src/store/instance.js';

/**
 * What the platform end-to-end tests read back from the database — the
 * source of truth — to check what the chat showed against what was stored.
 */

export function storedSchedules(app: App): number {
  return (app.db.prepare('SELECT count(*) AS n FROM quiz_schedules WHERE active = 1').get() as { n: number }).n;
}

export function storedAnswers(app: App, roundId: number): number {
  return (app.db.prepare('SELECT count(*) AS n FROM quiz_answers WHERE round_id = ?').get(roundId) as { n: number }).n;
}

/** The idempotency keys this app's database gives its posts. */
export function keysOf(app: App): PostKeys {
  return postKeys(instanceId(app.db));
}

export function roundById(app: App, roundId: number): Round {
  const round = app.quiz.round(roundId);
  if (!round) throw new Error(`round ${roundId} is not in the database`);
  return round;
}

/** The round id and stored choice an answer button carries (`q1:a:<round>:<choice>`). */
export function answerButton(id: string): { roundId: number; choice: number } {
  const match = /^q1:a:(\d+):([0-3])$/.exec(id);
  if (!match) throw new Error(`"${id}" is not a quiz answer button`);
  return { roundId: Number(match[1]), choice: Number(match[2]) };
}

/**
 * The database as a `kill -9` leaves it between "the platform took the post"
 * and "we recorded its message id": the round still claimed, no message id,
 * its lease run out. The next tick must find the first post, not make another.
 */
export function forgetPostedMessage(app: App, roundId: number): void {
  const changed = app.db
    .prepare("UPDATE quiz_rounds SET state = 'claimed', message_id = NULL, posted_at = NULL, lease_until = NULL, retry_at = NULL WHERE id = ? AND state = 'open'")
    .run(roundId).changes;
  if (changed !== 1) throw new Error(`round ${roundId} was not open`);
}

/** As a `kill -9` leaves a round between posting its reveal and recording it: revealed, no reveal message id. */
export function forgetRevealMessage(app: App, roundId: number): void {
  const changed = app.db
    .prepare("UPDATE quiz_rounds SET reveal_message_id = NULL, lease_until = NULL, retry_at = NULL WHERE id = ? AND state = 'revealed'")
    .run(roundId).changes;
  if (changed !== 1) throw new Error(`round ${roundId} was not revealed`);
}
