import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../core/clock.js';
import type { Publisher, PostResult } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';
import type { Lang } from '../i18n/index.js';
import { latestOccurrence, localDateOf, nextOccurrences, type WeeklyTime } from '../schedule/weekly.js';
import type { QuizAnswerStore } from '../store/quiz-answers.js';
import type { Round, QuizRoundStore } from '../store/quiz-rounds.js';
import type { QuizSchedule, QuizScheduleStore } from '../store/quiz-schedules.js';
import type { QuestionBank } from './question.js';
import { revealReply, roundReply } from './render.js';
import { chooseQuestion, shuffledOrder } from './select.js';

const MINUTE = 60_000;
/** How long one worker may hold a round while posting it; a crash's lease simply runs out. */
const LEASE_MS = 2 * MINUTE;
/** Transient failures are retried after 1, 2, 4, 8, 16, 16 … minutes, within the grace window. */
const MAX_BACKOFF_MINUTES = 16;

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
  private running: Promise<void> | undefined;
  private readonly refreshing = new Map<number, { again: boolean }>();

  constructor(private readonly deps: QuizRunnerDeps) {}

  /** One pass over due work. Overlapping calls share the pass in progress. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.deps.clock.now();
    for (const schedule of this.deps.schedules.active()) {
      try {
        await this.claimDue(schedule, now);
      } catch (error) {
        this.deps.logger.error({ err: error, channel: schedule.channelKey }, 'quiz: could not start a round');
      }
    }
    for (const round of this.deps.rounds.dueReveals(now)) await this.reveal(round);
    for (const round of this.deps.rounds.pendingPosts(now)) await this.postRound(round, now);
    const since = new Date(now.getTime() - this.deps.graceMinutes * MINUTE);
    for (const round of this.deps.rounds.unpostedReveals(since, now)) await this.postReveal(round, now);
  }

  /** Claims today's round for a schedule when its time has come and is still within the grace window. */
  private async claimDue(schedule: QuizSchedule, now: Date): Promise<void> {
    const spec = weeklyTimeOf(schedule);
    const due = latestOccurrence(spec, now);
    if (!due || due.getTime() < schedule.updatedAt.getTime()) return;
    if (now.getTime() - due.getTime() > this.deps.graceMinutes * MINUTE) return;
    const localDate = localDateOf(due, schedule.timezone);
    if (this.deps.rounds.onDate(schedule.channelKey, localDate)) return;
    // The previous round is revealed before the next question appears.
    const open = this.deps.rounds.openIn(schedule.channelKey);
    if (open) await this.reveal(open);
    const history = this.deps.answers.channelHistory(schedule.channelKey);
    const question = chooseQuestion(this.deps.bank.questions, history, localDate, schedule.channelKey);
    if (!question) {
      this.deps.logger.warn({ channel: schedule.channelKey }, 'quiz: the question bank is empty');
      return;
    }
    const [next] = nextOccurrences(spec, due, 1);
    const revealAfter = due.getTime() + schedule.revealAfterMinutes * MINUTE;
    const revealAt = new Date(next ? Math.min(revealAfter, next.getTime() - MINUTE) : revealAfter);
    const id = this.deps.rounds.claim(
      {
        channelKey: schedule.channelKey,
        platform: schedule.platform,
        scope: schedule.scope,
        channel: schedule.channel,
        localDate,
        question,
        correctChoice: question.correct,
        choiceOrder: shuffledOrder(question.choices.length, `${schedule.channelKey}:${localDate}`),
        lang: this.deps.langOf(schedule),
        timezone: schedule.timezone,
        scheduledFor: due,
        revealAt,
      },
      new Date(now.getTime() + LEASE_MS),
    );
    if (id !== undefined) {
      this.deps.logger.info({ channel: schedule.channelKey, localDate, question: question.id, round: id }, 'quiz: round claimed');
      const round = this.deps.rounds.get(id);
      // Posted at once by this worker, which holds the lease the claim took.
      if (round) await this.postClaimed(round, now, false);
    }
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

  private async postClaimed(round: Round, now: Date, retry: boolean): Promise<void> {
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return; // That platform is not running in this process; its round waits (within grace).
    const result = await adapter.post(round.channel, roundReply({ ...round, state: 'open' }, 0), { idempotencyKey: `yq${round.id}`, retry });
    if (result.ok) {
      this.deps.rounds.markPosted(round.id, result.messageId, this.deps.clock.now());
      this.deps.logger.info({ round: round.id, channel: round.channelKey, message: result.messageId }, 'quiz: round posted');
      return;
    }
    this.onFailure(round, result, now);
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
    await this.postReveal(closed, now);
    return true;
  }

  private async postReveal(round: Round, now: Date): Promise<void> {
    if (!this.deps.rounds.lease(round.id, now, new Date(now.getTime() + LEASE_MS))) return;
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return;
    const answers = this.deps.answers.answersFor(round.id);
    // Close the buttons on the question itself (an edit is idempotent), then post the answer.
    if (round.messageId) await adapter.edit(round.channel, round.messageId, roundReply(round, answers.length));
    const result = await adapter.post(round.channel, revealReply(round, answers, this.deps.catalog), {
      idempotencyKey: `yr${round.id}`,
      retry: round.attempts > 0,
    });
    if (result.ok) this.deps.rounds.markRevealPosted(round.id, result.messageId);
    else if (result.reason === 'failed') this.deps.rounds.scheduleRetry(round.id, new Date(now.getTime() + Math.min(2 ** round.attempts, MAX_BACKOFF_MINUTES) * MINUTE));
    else this.deps.rounds.markRevealPosted(round.id, ''); // The channel is gone: nothing more to post there.
  }

  /**
   * Updates the live answer count. Edits for one round never overlap: clicks
   * during an edit only mark it stale, and one more edit follows with the
   * count at that moment — no update is lost and no timer is needed.
   */
  async refresh(roundId: number): Promise<void> {
    const state = this.refreshing.get(roundId);
    if (state) {
      state.again = true;
      return;
    }
    const mine = { again: true };
    this.refreshing.set(roundId, mine);
    try {
      while (mine.again) {
        mine.again = false;
        const round = this.deps.rounds.get(roundId);
        if (!round?.messageId || round.state !== 'open') return;
        const adapter = this.deps.publisher(round.platform);
        if (!adapter) return;
        await adapter.edit(round.channel, round.messageId, roundReply(round, this.deps.answers.countFor(roundId)));
      }
    } finally {
      this.refreshing.delete(roundId);
    }
  }
}
