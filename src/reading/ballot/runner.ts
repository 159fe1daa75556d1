import type { Catalog } from '../../catalog/catalog.js';
import type { Clock } from '../../core/clock.js';
import type { Publisher } from '../../core/adapter.js';
import type { Logger } from '../../core/logger.js';
import type { Observer } from '../../core/observe.js';
import { translator } from '../../i18n/index.js';
import { Coalescer, type PassOutcome, type Wait } from '../../schedule/coalesce.js';
import { noFault, type FaultHook } from '../../schedule/fault.js';
import { PlaceWork } from '../../schedule/place-work.js';
import { PlatformCalls } from '../../schedule/platform-calls.js';
import { CALL_DEADLINE_MS, leaseUntil, retryAfterMinutes } from '../../schedule/timing.js';
import type { PostKeys } from '../../store/instance.js';
import type { Ballot } from './ballots.js';
import { decide } from './decide.js';
import { ballotReply, resultReply } from './render.js';
import type { BallotService } from './service.js';

const MINUTE = 60_000;

export interface BallotRunnerDeps {
  service: BallotService;
  catalog: Catalog;
  clock: Clock;
  publisher: Publisher;
  logger: Logger;
  keys: PostKeys;
  worker: string;
  fault?: FaultHook;
  callDeadlineMs?: number;
  liveCountWait?: Wait;
  observe?: Observer;
}

/**
 * A ballot's scheduled work, decided from the database and the clock alone
 * (the quiz runner's pattern), so ticks may run at any moment, twice at once,
 * in two processes:
 *   1. post open ballots not on screen yet (lease, idempotency key, record),
 *   2. at the closing time, claim the close — the state change open → closed
 *      that only one caller makes — which also decides the winner,
 *   3. close the ballot's buttons by an edit, then post the result (lease,
 *      key; a worker that did not make the claim looks in history first),
 *      each recorded, retried until it lands.
 */
export class BallotRunner {
  private readonly places: PlaceWork;
  private readonly counts: Coalescer<number>;
  private readonly fault: FaultHook;
  private readonly calls: PlatformCalls;

  constructor(private readonly deps: BallotRunnerDeps) {
    this.places = new PlaceWork((error, channel) => deps.logger.error({ err: error, channel }, 'reading: ballot work failed; the next tick tries again'));
    this.counts = new Coalescer((error, ballot) => deps.logger.warn({ err: error, ballot }, 'reading: ballot counts not updated'), { clock: deps.clock, wait: deps.liveCountWait });
    this.fault = deps.fault ?? noFault;
    this.calls = new PlatformCalls({ clock: deps.clock, logger: deps.logger, deadlineMs: deps.callDeadlineMs ?? CALL_DEADLINE_MS, observe: deps.observe });
  }

  private get store() {
    return this.deps.service.deps.ballots;
  }

  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    const byPlace = new Map<string, Ballot[]>();
    const add = (ballot: Ballot) => byPlace.set(ballot.channelKey, [...(byPlace.get(ballot.channelKey) ?? []), ballot]);
    for (const ballot of this.store.unposted(now)) add(ballot);
    for (const ballot of this.store.due(now)) add(ballot);
    for (const ballot of this.store.unfinished(now)) add(ballot);
    await Promise.all([...byPlace].map(([channel, ballots]) => this.places.start(channel, () => this.runPlace(ballots))));
    this.deps.logger.debug({ channels: byPlace.size }, 'reading: ballots tick done');
  }

  /** Posts a ballot just opened, without waiting for the next tick. */
  postNow(ballotId: number): Promise<void> {
    const ballot = this.store.get(ballotId);
    if (!ballot) return Promise.resolve();
    return this.places.start(ballot.channelKey, () => this.post(ballot, true));
  }

  idle(): Promise<void> {
    return this.places.idle();
  }

  private async runPlace(ballots: readonly Ballot[]): Promise<void> {
    for (const ballot of ballots) {
      if (ballot.state === 'open' && !ballot.messageId && ballot.closesAt.getTime() > this.deps.clock.now().getTime()) await this.post(ballot, false);
      else await this.close(ballot.id);
    }
  }

  private async post(ballot: Ballot, fresh: boolean): Promise<void> {
    const adapter = this.deps.publisher(ballot.platform);
    if (!adapter) return;
    const now = this.deps.clock.now();
    if (!this.store.lease(ballot.id, this.deps.worker, now, leaseUntil(now))) return;
    const current = this.store.get(ballot.id);
    if (!current || current.state !== 'open' || current.messageId) return;
    const reply = this.render(current);
    const result = await this.calls.call(ballot.platform, 'post', () =>
      adapter.post(ballot.channel, reply, { idempotencyKey: this.deps.keys.ballot(ballot.id), retry: !fresh, since: ballot.openedAt }),
    );
    if (result.ok) {
      this.fault('post');
      this.store.markPosted(ballot.id, result.messageId);
      this.fault('record');
      this.deps.logger.info({ ballot: ballot.id, message: result.messageId }, 'reading: ballot posted');
      return;
    }
    this.retryLater(current, now, result.detail);
  }

  /**
   * Every worker that finds the ballot due tries the claim; only the one whose
   * state change landed knows its result is new. Anyone else — a second process,
   * a restart after a crash — finishes the work with a look into history first.
   */
  private async close(ballotId: number): Promise<void> {
    const claimed = this.deps.service.claimClose(ballotId);
    if (claimed) {
      this.fault('reveal-claim');
      this.deps.logger.info({ ballot: ballotId }, 'reading: ballot closed');
    }
    const ballot = this.store.get(ballotId);
    const adapter = ballot && this.deps.publisher(ballot.platform);
    if (!ballot || !adapter || ballot.state !== 'closed') return;
    const now = this.deps.clock.now();
    if (!this.store.lease(ballot.id, this.deps.worker, now, leaseUntil(now))) return;
    if (!ballot.buttonsClosed) {
      if (ballot.messageId) {
        // A live-count edit in flight lands first, so the closing edit is the last one members see.
        await this.counts.settled(ballot.id);
        const messageId = ballot.messageId;
        const edited = await this.calls.call(ballot.platform, 'edit', () => adapter.edit(ballot.channel, messageId, this.render(ballot)));
        if (!edited.ok && edited.reason === 'failed') return this.retryLater(ballot, now, edited.detail);
      }
      this.store.markButtonsClosed(ballot.id);
    }
    if (ballot.resultMessageId !== undefined) return;
    const candidates = this.deps.service.candidates(ballot.id);
    const reply = resultReply(ballot, candidates, decide(candidates), this.context(ballot));
    const result = await this.calls.call(ballot.platform, 'post', () =>
      adapter.post(ballot.channel, reply, { idempotencyKey: this.deps.keys.ballotResult(ballot.id), retry: !claimed, since: ballot.closedAt ?? now }),
    );
    if (result.ok) {
      this.fault('post');
      this.store.markResultPosted(ballot.id, result.messageId);
      this.fault('record');
      this.deps.logger.info({ ballot: ballot.id, message: result.messageId }, 'reading: ballot result posted');
    } else if (result.reason === 'failed') {
      this.retryLater(ballot, now, result.detail);
    } else {
      this.store.markResultPosted(ballot.id, ''); // The channel is gone: nothing more to post there.
    }
  }

  private retryLater(ballot: Ballot, now: Date, detail: string | undefined): void {
    const wait = retryAfterMinutes(ballot.attempts);
    this.store.scheduleRetry(ballot.id, new Date(now.getTime() + wait * MINUTE));
    this.deps.logger.warn({ ballot: ballot.id, detail, retryInMinutes: wait }, 'reading: ballot post failed; will retry');
  }

  /** Live counts on the posted ballot, at most one edit a second (the RSVP counts' Coalescer). */
  refresh(ballotId: number): Promise<void> {
    return this.counts.request(ballotId, () => this.showCounts(ballotId));
  }

  /** Resolves when the live-count edits of a ballot are done (tests). */
  settled(ballotId: number): Promise<void> {
    return this.counts.settled(ballotId);
  }

  private async showCounts(ballotId: number): Promise<PassOutcome> {
    const ballot = this.store.get(ballotId);
    // Once closed, the closing edit is the close's own: a late count must not reopen the buttons.
    if (!ballot?.messageId || ballot.state !== 'open') return 'unchanged';
    const adapter = this.deps.publisher(ballot.platform);
    if (!adapter) return 'unchanged';
    const { channel, messageId } = ballot;
    const reply = this.render(ballot);
    return this.counts.shown.edit(`${ballot.platform}:${channel}:${messageId}`, reply, () => adapter.edit(channel, messageId, reply));
  }

  private render(ballot: Ballot) {
    return ballotReply(ballot, this.deps.service.candidates(ballot.id), this.context(ballot));
  }

  private context(ballot: Ballot) {
    return { t: translator(ballot.lang), lang: ballot.lang, catalog: this.deps.catalog };
  }
}
