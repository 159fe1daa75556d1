import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../core/clock.js';
import type { ChatAdapter, Publisher, PostResult } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';
import type { Observer } from '../core/observe.js';
import type { Lang } from '../i18n/index.js';
import { latestOccurrence, localDateOf, nextOccurrences, type WeeklyTime } from '../schedule/weekly.js';
import type { QuizAnswerStore } from './store/answers.js';
import type { NewRound, Round, QuizRoundStore } from './store/rounds.js';
import type { QuizSchedule, QuizScheduleStore } from './store/schedules.js';
import type { QuestionBank } from './question.js';
import type { RevealBriefs } from './briefs.js';
import { revealReply, roundReply } from './render.js';
import { Coalescer, type PassOutcome, type Wait } from '../schedule/coalesce.js';
import { PlatformCalls } from '../schedule/platform-calls.js';
import { noFault, type FaultHook } from '../schedule/fault.js';
import { PlaceWork } from '../schedule/place-work.js';
import { CALL_DEADLINE_MS, leaseUntil, retryAfterMinutes } from '../schedule/timing.js';
import type { PostKeys } from '../store/instance.js';
import { chooseQuestion, shuffledOrder } from './select.js';

const MINUTE = 60_000;

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
  /** The idempotency keys of this database (src/store/instance.ts). */
  keys: PostKeys;
  /** This worker's name on the leases it holds (one per process). */
  worker: string;
  /** Test-only crash points (src/schedule/fault.ts). */
  fault?: FaultHook;
  /** Deadline of one platform call; tests shorten it. */
  callDeadlineMs?: number;
  /** Optional LLM briefs at the reveal (summaries on); absent, reveals are as they always were. */
  briefs?: RevealBriefs;
  /** How a live-count edit waits for its turn: a timer unless a test drives it. */
  liveCountWait?: Wait;
  /** Told each scheduled post's outcome and each platform call's latency (metrics). */
  observe?: Observer;
}

/** One place's work in one tick, in the order it must happen. */
interface PlaceItems {
  /** Yesterday's round, still open when today's is claimed: revealed before the new question appears. */
  staleOpen: Round[];
  posts: Round[];
  reveals: Round[];
  unfinished: Round[];
}

export function weeklyTimeOf(schedule: Pick<QuizSchedule, 'hour' | 'minute' | 'days' | 'timezone'>): WeeklyTime {
  return { hour: schedule.hour, minute: schedule.minute, days: new Set(schedule.days), zone: schedule.timezone };
}

/**
 * The quiz's scheduled work. Everything it decides comes from the database
 * and the clock, so a tick can run at any moment — every minute, right after
 * a start, twice at once, in two processes — and still post each round once:
 *   1. claim the rounds that are due (UNIQUE channel + local date),
 *   2. post claimed rounds: lease renewed right before the post, an
 *      idempotency key on it, a duplicate check before any retry, the
 *      message recorded as soon as the post succeeds,
 *   3. reveal rounds whose time has come, and finish reveals and closing
 *      edits an outage or a crash interrupted, however long ago.
 * Each channel's work runs on its own (src/schedule/place-work.ts), and
 * every platform call has a deadline: one stuck channel delays only itself.
 */
export class QuizRunner {
  private readonly places: PlaceWork;
  /** Live-count edits, by round (src/schedule/coalesce.ts). */
  private readonly counts: Coalescer<number>;
  /** Rounds this process claimed and has not tried to post yet: their first post needs no duplicate check. */
  private readonly fresh = new Set<number>();
  private readonly fault: FaultHook;
  /** Deadlines, timing and outcomes of platform calls (src/schedule/platform-calls.ts). */
  private readonly calls: PlatformCalls;

  constructor(private readonly deps: QuizRunnerDeps) {
    this.counts = new Coalescer((error, round) => deps.logger.warn({ err: error, round }, 'quiz: live count not updated'), { clock: deps.clock, wait: deps.liveCountWait });
    this.places = new PlaceWork((error, channel) => deps.logger.error({ err: error, channel }, 'quiz: scheduled work failed; the next tick tries again'));
    this.fault = deps.fault ?? noFault;
    this.calls = new PlatformCalls({ clock: deps.clock, logger: deps.logger, deadlineMs: deps.callDeadlineMs ?? CALL_DEADLINE_MS, observe: deps.observe });
  }

  /**
   * One pass over due work. Claims are made at once; each channel's posts
   * and reveals then run on their own, and the tick waits only for the
   * channels it started (a channel still busy from an earlier tick is left to it).
   */
  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    const { fresh, staleOpen } = this.claimAllDue(now);
    if (fresh.length > 0) this.fault('claim');
    const byPlace = new Map<string, PlaceItems>();
    const items = (channelKey: string) => {
      let found = byPlace.get(channelKey);
      if (!found) byPlace.set(channelKey, (found = { staleOpen: [], posts: [], reveals: [], unfinished: [] }));
      return found;
    };
    for (const round of staleOpen) items(round.channelKey).staleOpen.push(round);
    for (const round of fresh) items(round.channelKey).posts.push(round);
    for (const round of this.deps.rounds.pendingPosts(now)) if (!this.fresh.has(round.id)) items(round.channelKey).posts.push(round);
    for (const round of this.deps.rounds.dueReveals(now)) items(round.channelKey).reveals.push(round);
    for (const round of this.deps.rounds.unfinishedReveals(now)) items(round.channelKey).unfinished.push(round);
    await Promise.all([...byPlace].map(([channelKey, work]) => this.places.start(channelKey, () => this.runPlace(work))));
    this.deps.logger.debug({ claimed: fresh.length, channels: byPlace.size }, 'quiz: tick done');
  }

  /** Resolves when every channel's work in flight has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.places.idle();
  }

  private async runPlace(work: PlaceItems): Promise<void> {
    for (const round of work.staleOpen) await this.reveal(round);
    for (const round of work.posts) await this.postRound(round);
    for (const round of work.reveals) await this.reveal(round);
    for (const round of work.unfinished) await this.finishReveal(round.id, true);
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
    const lease = leaseUntil(now);
    this.deps.rounds.immediate(() => {
      for (const schedule of this.deps.schedules.active()) {
        try {
          const key = `${schedule.timezone}|${schedule.hour}:${schedule.minute}|${schedule.days.join()}`;
          if (!occurrences.has(key)) occurrences.set(key, this.dueOccurrence(weeklyTimeOf(schedule), now));
          const due = occurrences.get(key);
          if (!due || due.due.getTime() < schedule.appliesFrom.getTime()) continue;
          if (this.deps.rounds.onDate(schedule.channelKey, due.localDate)) continue;
          const round = this.chooseRound(schedule, due);
          if (!round) continue;
          const id = this.deps.rounds.claim(round, this.deps.worker, lease);
          if (id === undefined) continue;
          const open = this.deps.rounds.openIn(schedule.channelKey);
          if (open) staleOpen.push(open);
          fresh.push({ ...round, id, state: 'claimed', attempts: 0, buttonsClosed: false });
          this.deps.logger.info({ channel: schedule.channelKey, localDate: due.localDate, question: round.question.id, round: id }, 'quiz: round claimed');
        } catch (error) {
          this.deps.logger.error({ err: error, channel: schedule.channelKey }, 'quiz: could not start a round');
        }
      }
    });
    for (const round of fresh) this.fresh.add(round.id);
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
   * Posts a claimed round: new (no check needed), a retry, or one a crash
   * left behind. The lease is taken or renewed right before the post; a
   * worker that finds it held by another leaves the round to them. Past the
   * grace window a round is not posted any more — but it may already be on
   * screen (a crash between post and record), so it is looked for first.
   */
  private async postRound(round: Round): Promise<void> {
    const adapter = this.deps.publisher(round.platform);
    if (!adapter) return; // That platform is not running in this process; its round waits.
    const now = this.deps.clock.now();
    const retry = !this.fresh.delete(round.id);
    if (!this.deps.rounds.lease(round.id, 'claimed', this.deps.worker, now, leaseUntil(now))) return;
    if (now.getTime() - round.scheduledFor.getTime() > this.deps.graceMinutes * MINUTE) {
      await this.repairOrAbandon(round, adapter, now);
      return;
    }
    const result = await this.calls.call(round.platform, 'post', () =>
      adapter.post(round.channel, roundReply({ ...round, state: 'open' }, 0), { idempotencyKey: this.deps.keys.round(round.id), retry, since: round.scheduledFor }),
    );
    if (!result.ok) return this.onFailure(round, result, now);
    this.fault('post');
    this.recordPosted(round, result.messageId);
    this.calls.observePost('round', 'posted', round.scheduledFor);
  }

  /** Recorded at once: a round on screen must take answers, and its reveal depends on the record. */
  private recordPosted(round: Round, messageId: string): void {
    this.deps.rounds.markPosted(round.id, messageId, this.deps.clock.now());
    this.fault('record');
    this.deps.logger.info({ round: round.id, channel: round.channelKey, message: messageId }, 'quiz: round posted');
    this.deps.briefs?.prepare(round);
  }

  /** A claimed round past its grace window: recorded if it is on screen after all, else skipped for the day. */
  private async repairOrAbandon(round: Round, adapter: ChatAdapter, now: Date): Promise<void> {
    const key = this.deps.keys.round(round.id);
    const found = await this.calls.lookup(round.platform, () => adapter.find(round.channel, roundReply({ ...round, state: 'open' }, 0), key, round.scheduledFor));
    if (found.state === 'found') {
      this.deps.logger.warn({ round: round.id, channel: round.channelKey }, 'quiz: a round posted before a crash was found in the channel; recorded');
      this.recordPosted(round, found.messageId);
      this.calls.observePost('round', 'found-after-crash');
      return;
    }
    if (found.state === 'unknown') {
      this.retryLater(round, now, found.detail);
      this.calls.observePost('round', 'failed');
      return;
    }
    this.deps.rounds.abandon(round.id);
    this.calls.observePost('round', 'abandoned');
    this.deps.logger.warn({ round: round.id, channel: round.channelKey }, 'quiz: round not posted within the grace window; skipped');
  }

  private onFailure(round: Round, result: Extract<PostResult, { ok: false }>, now: Date): void {
    if (result.reason === 'failed') {
      this.retryLater(round, now, result.detail);
      this.calls.observePost('round', 'failed');
      return;
    }
    this.deps.rounds.abandon(round.id);
    this.calls.observePost('round', 'abandoned');
    this.deps.schedules.disable(round.channelKey, now, result.reason);
    this.deps.logger.warn(
      { channel: round.channelKey, reason: result.reason, detail: result.detail },
      'quiz: schedule disabled — the channel is gone or the bot may not post there',
    );
  }

  /** Releases the lease and tries again after 1, 2, 4 … 16 minutes: each retry checks for an earlier post first. */
  private retryLater(round: Round, now: Date, detail: string | undefined): void {
    const wait = retryAfterMinutes(round.attempts);
    this.deps.rounds.scheduleRetry(round.id, new Date(now.getTime() + wait * MINUTE));
    this.deps.logger.warn({ round: round.id, channel: round.channelKey, state: round.state, detail, retryInMinutes: wait }, 'quiz: platform call failed; will retry');
  }

  /** Closes a round and posts its reveal; a second caller finds it already closed and does nothing. */
  async reveal(round: Round): Promise<boolean> {
    const now = this.deps.clock.now();
    if (!this.deps.rounds.claimReveal(round.id, now)) return false;
    this.fault('reveal-claim');
    this.deps.logger.info({ round: round.id, channel: round.channelKey }, 'quiz: round revealed');
    await this.finishReveal(round.id, false);
    return true;
  }

  /**
   * The two halves of a reveal, each until it lands: the closing edit of the
   * question's buttons (an edit is idempotent), then the answer post.
   * `retry` says a previous attempt may have reached the platform, so the
   * adapter looks for it before posting; only the pass that just closed the
   * round knows it is new. Failures are retried with backoff for as long as
   * it takes; only a channel that is gone ends it.
   */
  private async finishReveal(roundId: number, retry: boolean): Promise<void> {
    const round = this.deps.rounds.get(roundId);
    const adapter = round && this.deps.publisher(round.platform);
    if (!round || !adapter || round.state !== 'revealed') return;
    const now = this.deps.clock.now();
    if (!this.deps.rounds.lease(round.id, 'revealed', this.deps.worker, now, leaseUntil(now))) return;
    if (!round.buttonsClosed) {
      if (round.messageId) {
        // A live-count edit still in flight must land first: sent after it, the closing edit is the
        // one members see last (Slack does not order concurrent updates; a late count would reopen the buttons).
        await this.counts.settled(round.id);
        const messageId = round.messageId;
        const edited = await this.calls.call(round.platform, 'edit', () => adapter.edit(round.channel, messageId, roundReply(round, this.deps.answers.countFor(round.id))));
        if (!edited.ok && edited.reason === 'failed') {
          this.calls.observePost('reveal', 'failed');
          return this.retryLater(round, now, edited.detail);
        }
      }
      this.deps.rounds.markButtonsClosed(round.id);
    }
    if (round.revealMessageId !== undefined) return;
    const later = this.deps.clock.now();
    if (!this.deps.rounds.lease(round.id, 'revealed', this.deps.worker, later, leaseUntil(later))) return;
    const answers = this.deps.answers.answersFor(round.id);
    const result = await this.calls.call(round.platform, 'post', () =>
      adapter.post(round.channel, revealReply(round, answers, this.deps.catalog, this.deps.briefs?.brief(round)), {
        idempotencyKey: this.deps.keys.reveal(round.id),
        retry,
        since: round.revealedAt ?? now,
      }),
    );
    if (result.ok) {
      this.fault('post');
      this.deps.rounds.markRevealPosted(round.id, result.messageId);
      this.fault('record');
      this.calls.observePost('reveal', 'posted', round.revealAt);
    } else if (result.reason === 'failed') {
      this.retryLater(round, now, result.detail);
      this.calls.observePost('reveal', 'failed');
    } else {
      this.deps.rounds.markRevealPosted(round.id, ''); // The channel is gone: nothing more to post there.
      this.calls.observePost('reveal', 'abandoned');
    }
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
