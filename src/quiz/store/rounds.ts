import type { Platform } from '../../core/invocation.js';
import type { Question } from '../question.js';
import type { Db } from '../../store/db.js';

export type RoundState = 'claimed' | 'open' | 'revealed' | 'abandoned';

export interface Round {
  id: number;
  channelKey: string;
  platform: Platform;
  scope: string;
  channel: string;
  localDate: string;
  question: Question;
  correctChoice: number;
  /** Stored choice indexes in the order the round shows them. */
  choiceOrder: number[];
  lang: 'ja' | 'en';
  timezone: string;
  scheduledFor: Date;
  revealAt: Date;
  state: RoundState;
  messageId?: string;
  attempts: number;
  postedAt?: Date;
  revealedAt?: Date;
  revealMessageId?: string;
  /** The question's buttons were closed by the reveal's edit (or there was nothing left to close). */
  buttonsClosed: boolean;
}

export type NewRound = Omit<Round, 'id' | 'state' | 'attempts' | 'messageId' | 'postedAt' | 'revealedAt' | 'revealMessageId' | 'correctChoice' | 'buttonsClosed'>;

interface Row {
  id: number;
  channel_key: string;
  platform: Platform;
  scope: string;
  channel: string;
  local_date: string;
  question: string;
  correct_choice: number;
  choice_order: string;
  lang: 'ja' | 'en';
  timezone: string;
  scheduled_for: string;
  reveal_at: string;
  state: RoundState;
  message_id: string | null;
  attempts: number;
  posted_at: string | null;
  revealed_at: string | null;
  reveal_message_id: string | null;
  buttons_closed: number;
}

/**
 * Rounds: the UNIQUE (channel, local date) row is the claim. Work on a row
 * (posting, revealing) also takes a short lease with its holder's name,
 * renewed right before each post, so two ticks — or two processes on one
 * file — never post the same thing at once: a worker that finds the lease
 * held by another does not post, and a lease left by a crash simply runs out.
 */
export class QuizRoundStore {
  private readonly insert;
  private readonly byId;
  private readonly takeLease;
  private readonly posted;
  private readonly retry;
  private readonly abandonRow;
  private readonly pending;
  private readonly dueReveal;
  private readonly unfinishedReveal;
  private readonly revealClaim;
  private readonly revealPosted;
  private readonly buttonsClosedRow;
  private readonly latestOpen;
  private readonly forDate;
  private readonly countDate;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO quiz_rounds (channel_key, platform, scope, channel, local_date, question_id, question, correct_choice, choice_order, lang, timezone, scheduled_for, reveal_at, state, lease_until, lease_owner)
       VALUES (@channel_key, @platform, @scope, @channel, @local_date, @question_id, @question, @correct_choice, @choice_order, @lang, @timezone, @scheduled_for, @reveal_at, 'claimed', @lease_until, @lease_owner)
       ON CONFLICT (channel_key, local_date) DO NOTHING RETURNING id`,
    );
    this.byId = db.prepare<[number], Row>('SELECT * FROM quiz_rounds WHERE id = ?');
    this.takeLease = db.prepare<[string, string, number, RoundState, string, string]>(
      'UPDATE quiz_rounds SET lease_until = ?, lease_owner = ? WHERE id = ? AND state = ? AND (lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)',
    );
    this.posted = db.prepare<[string, string, number]>(
      "UPDATE quiz_rounds SET state = 'open', message_id = ?, posted_at = ?, lease_until = NULL, retry_at = NULL WHERE id = ? AND state = 'claimed'",
    );
    this.retry = db.prepare<[string, number]>('UPDATE quiz_rounds SET attempts = attempts + 1, retry_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?');
    this.abandonRow = db.prepare<[number]>("UPDATE quiz_rounds SET state = 'abandoned', lease_until = NULL WHERE id = ? AND state = 'claimed'");
    this.pending = db.prepare<[string, string], Row>(
      `SELECT * FROM quiz_rounds WHERE state = 'claimed' AND (retry_at IS NULL OR retry_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id`,
    );
    this.dueReveal = db.prepare<[string], Row>("SELECT * FROM quiz_rounds WHERE state = 'open' AND reveal_at <= ? ORDER BY reveal_at");
    // However old: a reveal or a closing edit is retried until it lands or the channel is gone.
    this.unfinishedReveal = db.prepare<[string, string], Row>(
      `SELECT * FROM quiz_rounds WHERE state = 'revealed' AND (reveal_message_id IS NULL OR buttons_closed = 0)
         AND (retry_at IS NULL OR retry_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id`,
    );
    this.revealClaim = db.prepare<[string, number]>(
      "UPDATE quiz_rounds SET state = 'revealed', revealed_at = ?, attempts = 0, retry_at = NULL WHERE id = ? AND state = 'open'",
    );
    this.revealPosted = db.prepare<[string, number]>('UPDATE quiz_rounds SET reveal_message_id = ?, lease_until = NULL, lease_owner = NULL, retry_at = NULL WHERE id = ?');
    this.buttonsClosedRow = db.prepare<[number]>('UPDATE quiz_rounds SET buttons_closed = 1 WHERE id = ?');
    this.latestOpen = db.prepare<[string], Row>("SELECT * FROM quiz_rounds WHERE channel_key = ? AND state = 'open' ORDER BY local_date DESC LIMIT 1");
    this.forDate = db.prepare<[string, string], Row>('SELECT * FROM quiz_rounds WHERE channel_key = ? AND local_date = ?');
    this.countDate = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM quiz_rounds WHERE local_date = ?');
  }

  /** Claims the channel's round for a local date; undefined when it is already claimed. */
  claim(round: NewRound & { correctChoice: number }, owner: string, leaseUntil: Date): number | undefined {
    const row = this.insert.get({
      channel_key: round.channelKey,
      platform: round.platform,
      scope: round.scope,
      channel: round.channel,
      local_date: round.localDate,
      question_id: round.question.id,
      question: JSON.stringify(round.question),
      correct_choice: round.correctChoice,
      choice_order: round.choiceOrder.join(','),
      lang: round.lang,
      timezone: round.timezone,
      scheduled_for: round.scheduledFor.toISOString(),
      reveal_at: round.revealAt.toISOString(),
      lease_until: leaseUntil.toISOString(),
      lease_owner: owner,
    }) as { id: number } | undefined;
    return row?.id;
  }

  get(id: number): Round | undefined {
    const row = this.byId.get(id);
    return row && fromRow(row);
  }

  onDate(channelKey: string, localDate: string): Round | undefined {
    const row = this.forDate.get(channelKey, localDate);
    return row && fromRow(row);
  }

  /** Rounds of every channel on a local date (the benchmark's duplicate check). */
  countOn(localDate: string): number {
    return this.countDate.get(localDate)?.n ?? 0;
  }

  openIn(channelKey: string): Round | undefined {
    const row = this.latestOpen.get(channelKey);
    return row && fromRow(row);
  }

  /**
   * Takes or renews the lease for work on a round in `state` (claimed: its
   * post; revealed: its reveal): true when `owner` now holds it until `until`
   * — it was free, expired, or already theirs, and the round is still in that state.
   */
  lease(id: number, state: 'claimed' | 'revealed', owner: string, now: Date, until: Date): boolean {
    return this.takeLease.run(until.toISOString(), owner, id, state, owner, now.toISOString()).changes === 1;
  }

  markPosted(id: number, messageId: string, at: Date): void {
    this.posted.run(messageId, at.toISOString(), id);
  }

  scheduleRetry(id: number, at: Date): void {
    this.retry.run(at.toISOString(), id);
  }

  abandon(id: number): void {
    this.abandonRow.run(id);
  }

  /** Claimed rounds waiting to be posted (new, crashed mid-post, or due for a retry). */
  pendingPosts(now: Date): Round[] {
    const at = now.toISOString();
    return this.pending.all(at, at).map(fromRow);
  }

  dueReveals(now: Date): Round[] {
    return this.dueReveal.all(now.toISOString()).map(fromRow);
  }

  /** Revealed rounds whose closing edit or reveal message has not landed yet (a crash, an outage), however old. */
  unfinishedReveals(now: Date): Round[] {
    const at = now.toISOString();
    return this.unfinishedReveal.all(at, at).map(fromRow);
  }

  /** Closes answering; true only for the one caller that closed it. */
  claimReveal(id: number, at: Date): boolean {
    return this.revealClaim.run(at.toISOString(), id).changes === 1;
  }

  markRevealPosted(id: number, messageId: string): void {
    this.revealPosted.run(messageId, id);
  }

  markButtonsClosed(id: number): void {
    this.buttonsClosedRow.run(id);
  }

  /** Runs `work` in one IMMEDIATE transaction (answers check the round's state and write together). */
  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function fromRow(row: Row): Round {
  return {
    id: row.id,
    channelKey: row.channel_key,
    platform: row.platform,
    scope: row.scope,
    channel: row.channel,
    localDate: row.local_date,
    question: JSON.parse(row.question) as Question,
    correctChoice: row.correct_choice,
    choiceOrder: row.choice_order.split(',').map(Number),
    lang: row.lang,
    timezone: row.timezone,
    scheduledFor: new Date(row.scheduled_for),
    revealAt: new Date(row.reveal_at),
    state: row.state,
    attempts: row.attempts,
    buttonsClosed: row.buttons_closed === 1,
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.posted_at ? { postedAt: new Date(row.posted_at) } : {}),
    ...(row.revealed_at ? { revealedAt: new Date(row.revealed_at) } : {}),
    // '' means the channel was gone at the reveal: nothing more will be posted there.
    ...(row.reveal_message_id !== null ? { revealMessageId: row.reveal_message_id } : {}),
  };
}
