import { cleanName } from '../../core/text.js';
import type { Db } from '../../store/db.js';

export type AnswerOutcome = 'recorded' | 'changed' | 'unchanged' | 'closed' | 'missing';

export interface AnswerRow {
  userId: string;
  userName: string;
  choice: number;
  answeredAt: Date;
}

export interface LeaderRow {
  userId: string;
  userName: string;
  answered: number;
  correct: number;
}

export interface HistoryRow {
  questionId: string;
  localDate: string;
  answered: number;
  correct: number;
}

/**
 * One answer per person per round: an upsert on (round, user), written in the
 * same IMMEDIATE transaction that checks the round is still open, so an
 * answer can never slip in after the reveal and a second click only changes
 * the first.
 */
export class QuizAnswerStore {
  private readonly roundState;
  private readonly previous;
  private readonly upsert;
  private readonly count;
  private readonly list;
  private readonly leaders;
  private readonly userRounds;
  private readonly history;

  constructor(private readonly db: Db) {
    this.roundState = db.prepare<[number], { state: string }>('SELECT state FROM quiz_rounds WHERE id = ?');
    this.previous = db.prepare<[number, string], { choice: number }>('SELECT choice FROM quiz_answers WHERE round_id = ? AND user_id = ?');
    this.upsert = db.prepare<[number, string, string, number, string]>(
      `INSERT INTO quiz_answers (round_id, user_id, user_name, choice, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (round_id, user_id) DO UPDATE SET user_name = excluded.user_name, choice = excluded.choice, answered_at = excluded.answered_at`,
    );
    this.count = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM quiz_answers WHERE round_id = ?');
    this.list = db.prepare<[number], { user_id: string; user_name: string; choice: number; answered_at: string }>(
      'SELECT user_id, user_name, choice, answered_at FROM quiz_answers WHERE round_id = ? ORDER BY answered_at, rowid',
    );
    this.leaders = db.prepare<[string, string, number], { user_id: string; user_name: string; answered: number; correct: number }>(
      `SELECT a.user_id, (SELECT a2.user_name FROM quiz_answers a2 WHERE a2.user_id = a.user_id ORDER BY a2.answered_at DESC LIMIT 1) AS user_name,
              count(*) AS answered, sum(a.choice = r.correct_choice) AS correct
         FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
        WHERE r.channel_key = ? AND r.state = 'revealed' AND r.local_date >= ?
        GROUP BY a.user_id ORDER BY correct DESC, answered ASC, user_name LIMIT ?`,
    );
    this.userRounds = db.prepare<[string, string], { local_date: string; choice: number | null; correct_choice: number }>(
      `SELECT r.local_date, a.choice, r.correct_choice FROM quiz_rounds r
         LEFT JOIN quiz_answers a ON a.round_id = r.id AND a.user_id = ?
        WHERE r.channel_key = ? AND r.state = 'revealed' ORDER BY r.local_date`,
    );
    this.history = db.prepare<[string], { question_id: string; local_date: string; answered: number; correct: number }>(
      `SELECT r.question_id, r.local_date, count(a.user_id) AS answered, coalesce(sum(a.choice = r.correct_choice), 0) AS correct
         FROM quiz_rounds r LEFT JOIN quiz_answers a ON a.round_id = r.id
        WHERE r.channel_key = ? AND r.state IN ('claimed', 'open', 'revealed')
        GROUP BY r.id ORDER BY r.local_date`,
    );
  }

  /** Records or changes a person's answer while the round is open; the name is stored clean (core/text.ts cleanName). */
  answer(roundId: number, userId: string, userName: string, choice: number, at: Date): AnswerOutcome {
    return this.db
      .transaction((): AnswerOutcome => {
        const round = this.roundState.get(roundId);
        if (!round) return 'missing';
        // A claimed round can be on screen already (posted, not yet recorded: a crash or a slow
        // record); a click proves it was posted, and the reveal only comes after the record.
        if (round.state !== 'open' && round.state !== 'claimed') return 'closed';
        const before = this.previous.get(roundId, userId);
        if (before?.choice === choice) return 'unchanged';
        this.upsert.run(roundId, userId, cleanName(userName, userId), choice, at.toISOString());
        return before ? 'changed' : 'recorded';
      })
      .immediate();
  }

  countFor(roundId: number): number {
    return this.count.get(roundId)?.n ?? 0;
  }

  /** In the order their final answers were given. */
  answersFor(roundId: number): AnswerRow[] {
    return this.list.all(roundId).map((row) => ({
      userId: row.user_id,
      // Cleaned again on the way out: rows of earlier releases were stored as given.
      userName: cleanName(row.user_name, row.user_id),
      choice: row.choice,
      answeredAt: new Date(row.answered_at),
    }));
  }

  /** Revealed rounds only: an open round's answers are not scored yet. */
  leaderboard(channelKey: string, sinceLocalDate: string, limit = 10): LeaderRow[] {
    return this.leaders.all(channelKey, sinceLocalDate, limit).map((row) => ({
      userId: row.user_id,
      userName: cleanName(row.user_name, row.user_id),
      answered: row.answered,
      correct: row.correct,
    }));
  }

  /** The channel's revealed rounds in date order, with this person's answer (or none). */
  userRoundResults(channelKey: string, userId: string): { localDate: string; answered: boolean; correct: boolean }[] {
    return this.userRounds.all(userId, channelKey).map((row) => ({
      localDate: row.local_date,
      answered: row.choice !== null,
      correct: row.choice !== null && row.choice === row.correct_choice,
    }));
  }

  /** Every question this channel has been asked, with how the channel did. */
  channelHistory(channelKey: string): HistoryRow[] {
    return this.history.all(channelKey).map((row) => ({
      questionId: row.question_id,
      localDate: row.local_date,
      answered: row.answered,
      correct: row.correct,
    }));
  }
}
