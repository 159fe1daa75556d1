import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../core/clock.js';
import type { Publisher, PostResult } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';
import type { Lang } from '../i18n/index.js';
import { latestOccurrence, localDateOf, nextOccurrences, type WeeklyTime } from '../schedule/weekly.js';
import type { QuizAnswerStore } from '../store/quiz-answers.js';
import type { NewRound, Round, QuizRoundStore } from '../store/quiz-rounds.js';
import type { QuizSchedule, QuizScheduleStore } from '../store/quiz-schedules.js';
import type { QuestionBank } from './question.js';
import type { RevealBriefs } from '../summary/quiz-brief.js';
import { revealReply, roundReply } from './render.js';
import { Coalescer, SharedPass, type PassOutcome, type Wait } from '../schedule/coalesce.js';
import { chooseQuestion, shuffledOrder } from './select.js';

const MINUTE = 60_000;
/** How long one worker may hold a round while posting it; a crash's lease simply runs out. */
const LEASE_MS = 2 * MINUTE;
/** Transient failures are retried after 1, 2, 4, 8, 16, 16 … minutes, within the grace window. */
const MAX_BACKOFF_MINUTES = 16;
/** Posts in flight at once; each platform's client still queues and rate-limits per route. */
const POST_CONCURRENCY = 8;
/** Posted rounds recorded per commit. */
const RECORD_BATCH = 100;

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface QuizRunnerDeps {
  schedules: QuizScheduleStore;
  rounds: QuizRoundStore;
  answers: QuizAnswerStore;
  bank: QuestionBank;
  catalog: Catalog;
  clock: Clock;
  publisher: Publisher;
  logger: Logger;
  /** The language a place's rounds are posted in. */
  langOf(place: { platform: string; scope: string }): Lang;
  /** A missed round is still posted this long after its time; later, the day is skipped. */
  graceMinutes: number;
  /** Optional LLM briefs at the reveal (summaries on); absent, reveals are as they always were. */
  briefs?: RevealBriefs;
  /** How a live-count edit waits for its turn: a timer unless a test drives it. */
  liveCountWait?: Wait;
}

export function weeklyTimeOf(schedule: Pick<QuizSchedule, 'hour' | 'minute' | 'days' | 'timezone'>): WeeklyTime {
  return { hour: schedule.hour, minute: schedule.minute, days: new Set(schedule.days), zone: schedule.timezone };
}

/**
 * The quiz's scheduled work. Everything it decides comes from the database
 * and the clock, so a tick can run at any moment — every minute, right after
 * a start, twice at once — and still post each round once:
 *   1. claim the rounds that are due (UNIQUE channel + local date),
 *   2. post claimed rounds (leased; an idempotency key guards a re-post),
 *   3. reveal rounds whose time has come, and finish reveals a crash interrupted.
 */
export class QuizRunner {
  private readonly ticks = new SharedPass();
  /** Live-count edits, by round (src/schedule/coalesce.ts). */
  private readonly counts: Coalescer<number>;

  constructor(private readonly deps: QuizRunnerDeps) {
    this.counts = new Coalescer((error, round) => deps.logger.warn({ err: error, round }, 'quiz: live count not updated'), { clock: deps.clock, wait: deps.liveCountWait });
  }

  /** One pass over due work. Overlapping calls share the pass in progress. */
  tick(): Promise<void> {
    return this.ticks.run(() => this.pass());
  }

  private async pass(): Promise<void> {
    const now = this.deps.clock.now();
    const { fresh, staleOpen } = this.claimAllDue(now);
    // The previous round is revealed before the next question appears.
    for (const round of staleOpen) await this.reveal(round);
    await this.postFresh(fresh, now);
    for (const round of this.deps.rounds.dueReveals(now)) await this.reveal(round);
    for (const round of this.deps.rounds.pendingPosts(now)) await this.postRound(round, now);
    const since = new Date(now.getTime() - this.deps.graceMinutes * MINUTE);
    for (const round of this.deps.rounds.unpostedReveals(since, now)) await this.postReveal(round, now);
    this.deps.logger.debug({ claimed: fresh.length }, 'quiz: tick done');
  }

  /**
   * Chooses and claims every round that is due, in one transaction: a
   * thousand channels due in the same minute cost one commit, not a thousand.
   * Schedules sharing a time and zone share the date arithmetic too.
   */
  private claimAllDue(now: Date): { fresh: Round[]; staleOpen: Round[] } {
    const fresh: Round[] = [];
    const staleOpen: Round[] = [];
    const occurrences = new Map<string, { due: Date; localDate: string; revealCap?: Date } | undefined>();
    const lease = new Date(now.getTime() + LEASE_MS);
    this.deps.rounds.immediate(() => {
      for (const schedule of this.deps.schedules.active()) {
        try {
          const key = `${schedule.timezone}|${schedule.hour}:${schedule.minute}|${schedule.days.join()}`;
          if (!occurrences.has(key)) occurrences.set(key, this.dueOccurrence(weeklyTimeOf(schedule), now));
          const due = occurrences.get(key);
          if (!due || due.due.getTime() < schedule.updatedAt.getTime()) continue;
          if (this.deps.rounds.onDate(schedule.channelKey, due.localDate)) continue;
          const round = this.chooseRound(schedule, due);
          if (!round) continue;
          const id = this.deps.rounds.claim(round, lease);
          if (id === undefined) continue;
          const open = this.deps.rounds.openIn(schedule.channelKey);
          if (open) staleOpen.push(open);
          fresh.push({ ...round, id, state: 'claimed', attempts: 0 });
          this.deps.logger.info({ channel: schedule.channelKey, localDate: due.localDate, question: round.question.id, round: id }, 'quiz: round claimed');
        } catch (error) {
          this.deps.logger.error({ err: error, channel: schedule.channelKey }, 'quiz: could not start a round');
        }
      }
    });
    return { fresh, staleOpen };
  }

  /** The latest occurrence if it is due now (inside the grace window), with its local date and reveal cap. */
  private dueOccurrence(spec: WeeklyTime, now: Date): { due: Date; localDate: string; revealCap?: Date } | undefined {
    const due = latestOccurrence(spec, now);
    if (!due || now.getTime() - due.getTime() > this.deps.graceMinutes * MINUTE) return undefined;
    const [next] = nextOccurrences(spec, due, 1);
    return { due, localDate: localDateOf(due, spec.zone), ...(next ? { revealCap: new Date(next.getTime() - MINUTE) } : {}) };
  }

  private chooseRound(schedule: QuizSchedule, due: { due: Date; localDate: string; revealCap?: Date }): (NewRound & { correctChoice: number }) | undefined {
    const history = this.deps.answers.channelHistory(schedule.channelKey);
    const question = chooseQuestion(this.deps.bank.questions, history, due.localDate, schedule.channelKey);
    if (!question) {
      this.deps.logger.warn({ channel: schedule.channelKey }, 'quiz: the question bank is empty');
      return undefined;
    }
    const revealAfter = due.due.getTime() + schedule.revealAfterMinutes * MINUTE;
    return {
      channelKey: schedule.channelKey,
      platform: schedule.platform,
      scope: schedule.scope,
      channel: schedule.channel,
      localDate: due.localDate,
      question,
      correctChoice: question.correct,
      choiceOrder: shuffledOrder(question.choices.length, `${schedule.channelKey}:${due.localDate}`),
      lang: this.deps.langOf(schedule),
      timezone: schedule.timezone,
      scheduledFor: due.due,
      revealAt: new Date(due.revealCap ? Math.min(revealAfter, due.revealCap.getTime()) : revealAfter),
    };
  }

  /**
   * Posts newly claimed rounds a few at a time and records the message ids in
   * batches: one commit per batch rather than per channel. A crash before a
   * batch is recorded only means those rounds are re-posted under the same
   * idempotency key, which the platform recognises.
   */
  private async postFresh(rounds: readonly Round[], now: Date): Promise<void> {
    const posted: { id: number; messageId: string }[] = [];
    const record = () => {
      const batch = posted.splice(0);
      if (batch.length === 0) return;
      const at = this.deps.clock.now();
      this.deps.rounds.immediate(() => {
        for (const { id, messageId } of batch) this.deps.rounds.markPosted(id, messageId, at);
      });
    };
    await inParallel(rounds, POST_CONCURRENCY, async (round) => {
      const messageId = await this.postClaimed(round, now, false, true);
      if (messageId !== undefined) posted.push({ id: round.id, messageId });
      if (posted.length >= RECORD_BATCH) record();
    });
    record();
  }

  /** A claimed round found by a later pass: a retry, or a crash between claim and record. */
  private async postRound(round: Round, now: Date): Promise<void> {
    if (now.getTime() - round.scheduledFor.getTime() > this.deps.graceMinutes * MINUTE) {
      this.deps.rounds.abandon(round.id);
      this.deps.logger.warn({ round: round.id, channel: round.channelKey }, 'quiz: round not posted within the grace window; skipped');
      return;
    }
    if (!this.deps.rounds.lease(round.id, now, new Date(now.getTime() + LEASE_MS))) return;
    await this.postClaimed(round, now, true);
  }

  /** Posts a round this worker holds; returns the message id when the caller records it itself. */
  private async postClaimed(round: Round, now: Date, retry: boolean, deferRecord = false): Promise<string | undefined> {
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return undefined; // That platform is not running in this process; its round waits (within grace).
    const result = await adapter.post(round.channel, roundReply({ ...round, state: 'open' }, 0), { idempotencyKey: `yq${round.id}`, retry });
    if (result.ok) {
      this.deps.logger.info({ round: round.id, channel: round.channelKey, message: result.messageId }, 'quiz: round posted');
      this.deps.briefs?.prepare(round);
      if (deferRecord) return result.messageId;
      this.deps.rounds.markPosted(round.id, result.messageId, this.deps.clock.now());
      return undefined;
    }
    this.onFailure(round, result, now);
    return undefined;
  }

  private onFailure(round: Round, result: Extract<PostResult, { ok: false }>, now: Date): void {
    if (result.reason === 'failed') {
      const wait = Math.min(2 ** round.attempts, MAX_BACKOFF_MINUTES);
      this.deps.rounds.scheduleRetry(round.id, new Date(now.getTime() + wait * MINUTE));
      this.deps.logger.warn({ round: round.id, channel: round.channelKey, detail: result.detail, retryInMinutes: wait }, 'quiz: post failed; will retry');
      return;
    }
    this.deps.rounds.abandon(round.id);
    this.deps.schedules.disable(round.channelKey, now, result.reason);
    this.deps.logger.warn(
      { channel: round.channelKey, reason: result.reason, detail: result.detail },
      'quiz: schedule disabled — the channel is gone or the bot may not post there',
    );
  }

  /** Closes a round and posts its reveal; a second caller finds it already closed and does nothing. */
  async reveal(round: Round): Promise<boolean> {
    const now = this.deps.clock.now();
    if (!this.deps.rounds.claimReveal(round.id, now)) return false;
    const closed = this.deps.rounds.get(round.id);
    if (!closed) return false;
    this.deps.logger.info({ round: round.id, channel: round.channelKey }, 'quiz: round revealed');
    await this.postReveal(closed, now, false);
    return true;
  }

  /**
   * Posts a reveal. `retry` (the default) says a previous attempt may have
   * reached the platform — a crash before it was recorded — so the adapter
   * looks for it before posting; only the pass that just closed the round knows it is new.
   */
  private async postReveal(round: Round, now: Date, retry = true): Promise<void> {
    if (!this.deps.rounds.lease(round.id, now, new Date(now.getTime() + LEASE_MS))) return;
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return;
    const answers = this.deps.answers.answersFor(round.id);
    // A live-count edit still in flight must land first: sent after it, the closing edit is the
    // one members see last (Slack does not order concurrent updates; a late count would reopen the buttons).
    await this.counts.settled(round.id);
    // Close the buttons on the question itself (an edit is idempotent), then post the answer.
    if (round.messageId) await adapter.edit(round.channel, round.messageId, roundReply(round, answers.length));
    const result = await adapter.post(round.channel, revealReply(round, answers, this.deps.catalog, this.deps.briefs?.brief(round)), {
      idempotencyKey: `yr${round.id}`,
      retry,
    });
    if (result.ok) this.deps.rounds.markRevealPosted(round.id, result.messageId);
    else if (result.reason === 'failed') this.deps.rounds.scheduleRetry(round.id, new Date(now.getTime() + Math.min(2 ** round.attempts, MAX_BACKOFF_MINUTES) * MINUTE));
    else this.deps.rounds.markRevealPosted(round.id, ''); // The channel is gone: nothing more to post there.
  }

  /**
   * Updates the live answer count, at most one edit a second per round (Slack
   * answers 429 beyond that; Discord allows five per five seconds a channel).
   * Clicks meanwhile only mark the count stale, and one more edit follows with
   * the count at that moment, so the last count always lands. The promise
   * settles once the count shown is at least as new as at the call.
   */
  refresh(roundId: number): Promise<void> {
    return this.counts.request(roundId, () => this.showCount(roundId));
  }

  /** Edits the round to its count now — unless it shows that already, or it closed (the closing edit is the reveal's). */
  private async showCount(roundId: number): Promise<PassOutcome> {
    const round = this.deps.rounds.get(roundId);
    if (!round?.messageId || round.state !== 'open') return 'unchanged';
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return 'unchanged';
    const { channel, messageId } = round;
    const reply = roundReply(round, this.deps.answers.countFor(roundId));
    return this.counts.shown.edit(`${round.platform}:${channel}:${messageId}`, reply, () => adapter.edit(channel, messageId, reply));
  }
}
