import type { Platform } from '../../core/invocation.js';
import type { Db } from '../../store/db.js';

export interface Ballot {
  id: number;
  channelKey: string;
  platform: Platform;
  scope: string;
  channel: string;
  lang: 'ja' | 'en';
  zone: string;
  openedBy: string;
  openedAt: Date;
  closesAt: Date;
  state: 'open' | 'closed';
  messageId?: string;
  closedAt?: Date;
  /** The chosen nomination, decided by the close. */
  winner?: number;
  buttonsClosed: boolean;
  /** '' when the channel was gone: nothing more to post. */
  resultMessageId?: string;
  attempts: number;
}

export type NewBallot = Pick<Ballot, 'channelKey' | 'platform' | 'scope' | 'channel' | 'lang' | 'zone' | 'openedBy' | 'openedAt' | 'closesAt'>;

interface Row {
  id: number;
  channel_key: string;
  platform: Platform;
  scope: string;
  channel: string;
  lang: 'ja' | 'en';
  zone: string;
  opened_by: string;
  opened_at: string;
  closes_at: string;
  state: 'open' | 'closed';
  message_id: string | null;
  closed_at: string | null;
  winner: number | null;
  buttons_closed: number;
  result_message_id: string | null;
  attempts: number;
}

/**
 * Ballots, their candidates and votes. The state change open → closed is the
 * close's claim (only one UPDATE can change the row); posting the ballot and
 * its result takes a lease with the holder's name, as quiz rounds do.
 */
export class BallotStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      insert: db.prepare<Record<string, string>, { id: number }>(
        `INSERT INTO reading_ballots (channel_key, platform, scope, channel, lang, zone, opened_by, opened_at, closes_at, state)
         VALUES (@channel_key, @platform, @scope, @channel, @lang, @zone, @opened_by, @opened_at, @closes_at, 'open')
         ON CONFLICT DO NOTHING RETURNING id`,
      ),
      candidate: db.prepare<[number, number, number]>('INSERT INTO reading_ballot_candidates (ballot_id, nomination_id, position) VALUES (?, ?, ?)'),
      candidates: db.prepare<[number], { nomination_id: number }>('SELECT nomination_id FROM reading_ballot_candidates WHERE ballot_id = ? ORDER BY position'),
      byId: db.prepare<[number], Row>('SELECT * FROM reading_ballots WHERE id = ?'),
      openIn: db.prepare<[string], Row>("SELECT * FROM reading_ballots WHERE channel_key = ? AND state = 'open'"),
      lease: db.prepare<[string, string, number, string, string]>(
        'UPDATE reading_ballots SET lease_until = ?, lease_owner = ? WHERE id = ? AND (lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)',
      ),
      unposted: db.prepare<[string, string, string], Row>(
        `SELECT * FROM reading_ballots WHERE state = 'open' AND message_id IS NULL AND closes_at > ?
           AND (retry_at IS NULL OR retry_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id`,
      ),
      posted: db.prepare<[string, number]>("UPDATE reading_ballots SET message_id = ?, lease_until = NULL, lease_owner = NULL, retry_at = NULL, attempts = 0 WHERE id = ? AND message_id IS NULL"),
      due: db.prepare<[string], Row>("SELECT * FROM reading_ballots WHERE state = 'open' AND closes_at <= ? ORDER BY closes_at"),
      close: db.prepare<[string, number | null, number]>("UPDATE reading_ballots SET state = 'closed', closed_at = ?, winner = ?, attempts = 0, retry_at = NULL WHERE id = ? AND state = 'open'"),
      unfinished: db.prepare<[string, string], Row>(
        `SELECT * FROM reading_ballots WHERE state = 'closed' AND (result_message_id IS NULL OR buttons_closed = 0)
           AND (retry_at IS NULL OR retry_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id`,
      ),
      buttonsClosed: db.prepare<[number]>('UPDATE reading_ballots SET buttons_closed = 1 WHERE id = ?'),
      resultPosted: db.prepare<[string, number]>('UPDATE reading_ballots SET result_message_id = ?, lease_until = NULL, lease_owner = NULL, retry_at = NULL WHERE id = ?'),
      retry: db.prepare<[string, number]>('UPDATE reading_ballots SET attempts = attempts + 1, retry_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?'),
      vote: db.prepare<[number, string, number, string], { nomination_id: number }>(
        `INSERT INTO reading_votes (ballot_id, user_id, nomination_id, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (ballot_id, user_id) DO UPDATE SET nomination_id = excluded.nomination_id, voted_at = excluded.voted_at
           WHERE reading_votes.nomination_id <> excluded.nomination_id
         RETURNING nomination_id`,
      ),
      counts: db.prepare<[number], { nomination_id: number; n: number }>('SELECT nomination_id, count(*) AS n FROM reading_votes WHERE ballot_id = ? GROUP BY nomination_id'),
    };
  }

  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The new ballot's id, with its candidates in order; undefined when the channel already has an open one. */
  open(ballot: NewBallot, candidates: readonly number[]): number | undefined {
    const row = this.q.insert.get({
      channel_key: ballot.channelKey,
      platform: ballot.platform,
      scope: ballot.scope,
      channel: ballot.channel,
      lang: ballot.lang,
      zone: ballot.zone,
      opened_by: ballot.openedBy,
      opened_at: ballot.openedAt.toISOString(),
      closes_at: ballot.closesAt.toISOString(),
    });
    if (!row) return undefined;
    candidates.forEach((nomination, position) => this.q.candidate.run(row.id, nomination, position));
    return row.id;
  }

  get(id: number): Ballot | undefined {
    const row = this.q.byId.get(id);
    return row && fromRow(row);
  }

  openIn(channelKey: string): Ballot | undefined {
    const row = this.q.openIn.get(channelKey);
    return row && fromRow(row);
  }

  /** Nomination ids on the ballot, in the order its buttons show them. */
  candidates(id: number): number[] {
    return this.q.candidates.all(id).map((row) => row.nomination_id);
  }

  /** True when `owner` holds the ballot's lease until `until` (it was free, expired, or theirs). */
  lease(id: number, owner: string, now: Date, until: Date): boolean {
    return this.q.lease.run(until.toISOString(), owner, id, owner, now.toISOString()).changes === 1;
  }

  /** Open ballots not on screen yet (new, a crash mid-post, a retry), whose lease is free. */
  unposted(now: Date): Ballot[] {
    const at = now.toISOString();
    return this.q.unposted.all(at, at, at).map(fromRow);
  }

  markPosted(id: number, messageId: string): void {
    this.q.posted.run(messageId, id);
  }

  /** Open ballots whose closing time has come. */
  due(now: Date): Ballot[] {
    return this.q.due.all(now.toISOString()).map(fromRow);
  }

  /** The close's claim: true only for the one caller whose UPDATE closed it. */
  claimClose(id: number, at: Date, winner: number | undefined): boolean {
    return this.q.close.run(at.toISOString(), winner ?? null, id).changes === 1;
  }

  /** Closed ballots whose closing edit or result has not landed yet, however old. */
  unfinished(now: Date): Ballot[] {
    const at = now.toISOString();
    return this.q.unfinished.all(at, at).map(fromRow);
  }

  markButtonsClosed(id: number): void {
    this.q.buttonsClosed.run(id);
  }

  markResultPosted(id: number, messageId: string): void {
    this.q.resultPosted.run(messageId, id);
  }

  scheduleRetry(id: number, at: Date): void {
    this.q.retry.run(at.toISOString(), id);
  }

  /** One vote per person: 'changed' when it replaced another, 'unchanged' when it was already this one. */
  vote(id: number, userId: string, nominationId: number, at: Date): 'recorded' | 'unchanged' {
    return this.q.vote.get(id, userId, nominationId, at.toISOString()) ? 'recorded' : 'unchanged';
  }

  /** Votes per nomination (nominations without votes are absent). */
  counts(id: number): Map<number, number> {
    return new Map(this.q.counts.all(id).map((row) => [row.nomination_id, row.n]));
  }
}

function fromRow(row: Row): Ballot {
  return {
    id: row.id,
    channelKey: row.channel_key,
    platform: row.platform,
    scope: row.scope,
    channel: row.channel,
    lang: row.lang,
    zone: row.zone,
    openedBy: row.opened_by,
    openedAt: new Date(row.opened_at),
    closesAt: new Date(row.closes_at),
    state: row.state,
    buttonsClosed: row.buttons_closed === 1,
    attempts: row.attempts,
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.closed_at ? { closedAt: new Date(row.closed_at) } : {}),
    ...(row.winner !== null ? { winner: row.winner } : {}),
    ...(row.result_message_id !== null ? { resultMessageId: row.result_message_id } : {}),
  };
}
