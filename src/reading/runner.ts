import type { Catalog } from '../catalog/catalog.js';
import { Coalescer, type PassOutcome, type Wait } from '../schedule/coalesce.js';
import { PlatformCalls } from '../schedule/platform-calls.js';
import { noFault, type FaultHook } from '../schedule/fault.js';
import { PlaceWork } from '../schedule/place-work.js';
import { CALL_DEADLINE_MS, leaseUntil, retryAfterMinutes } from '../schedule/timing.js';
import type { PostKeys } from '../store/instance.js';
import type { Clock } from '../core/clock.js';
import type { ChatAdapter, Lookup, Publisher } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import type { Observer } from '../core/observe.js';
import { translator } from '../i18n/index.js';
import type { ReadingReminderStore } from './store/reminders.js';
import type { ReadingAddMessageStore } from './store/add-messages.js';
import type { ReadingSession } from './store/sessions.js';
import { DEFAULT_OFFSETS } from './offsets.js';
import { reminderReply, sessionReply } from './render.js';
import type { ReadingService } from './service.js';
import { upcomingMeetings } from './series.js';

const MINUTE = 60_000;
/** The "starting now" reminder still goes out this long after the start (a tick is once a minute). */
export const START_GRACE_MINUTES = 10;
/** A reminder of a meeting that began longer ago than this is given up without looking for it. */
const REPAIR_HORIZON_MS = 24 * 60 * MINUTE;

export interface ReadingRunnerDeps {
  service: ReadingService;
  reminders: ReadingReminderStore;
  /** Where /reading add confirmations were posted: their counts are kept live too. */
  addMessages?: ReadingAddMessageStore;
  catalog: Catalog;
  clock: Clock;
  publisher: Publisher;
  logger: Logger;
  /** The idempotency keys of this database (src/store/instance.ts). */
  keys: PostKeys;
  /** This worker's name on the leases it holds (one per process). */
  worker: string;
  /** Test-only crash points (src/schedule/fault.ts). */
  fault?: FaultHook;
  /** Deadline of one platform call; tests shorten it. */
  callDeadlineMs?: number;
  /** Offsets where a channel has chosen none (config). */
  defaultOffsets?: readonly number[];
  /** How a live-count edit waits for its turn: a timer unless a test drives it. */
  liveCountWait?: Wait;
  /** Told each reminder's outcome and each platform call's latency (metrics). */
  observe?: Observer;
}

interface Claimed {
  id: number;
  session: ReadingSession;
  occurrenceId: number;
  startsAt: Date;
  stage: number;
  attempts: number;
  /** Claimed by this tick: the first post needs no duplicate check. */
  fresh: boolean;
}

/**
 * Staged reminders, decided from the database and the clock alone (the
 * quiz runner's pattern), so a tick may run at any moment — every minute,
 * right after a start, twice at once, in two processes — and each reminder
 * still goes out once:
 *   1. claim the due (meeting, stage) rows — the UNIQUE key is the claim;
 *      earlier stages overtaken by a later one are recorded as passed,
 *   2. post each claimed reminder (lease renewed right before the post, a
 *      key that is never reused), record its message at once,
 *   3. retry claimed rows whose lease ran out — a reminder whose meeting has
 *      begun is looked for in the channel and recorded if it is there, else
 *      given up.
 * Each channel's work runs on its own, every platform call has a deadline.
 */
export class ReadingRunner {
  private readonly places: PlaceWork;
  /** Live RSVP-count edits, by meeting (src/schedule/coalesce.ts). */
  private readonly counts: Coalescer<number>;
  private readonly fault: FaultHook;
  /** Deadlines, timing and outcomes of platform calls (src/schedule/platform-calls.ts). */
  private readonly calls: PlatformCalls;

  constructor(private readonly deps: ReadingRunnerDeps) {
    this.counts = new Coalescer((error, occurrence) => deps.logger.warn({ err: error, occurrence }, 'reading: live counts not updated'), {
      clock: deps.clock,
      wait: deps.liveCountWait,
    });
    this.places = new PlaceWork((error, channel) => deps.logger.error({ err: error, channel }, 'reading: scheduled work failed; the next tick tries again'));
    this.fault = deps.fault ?? noFault;
    this.calls = new PlatformCalls({ clock: deps.clock, logger: deps.logger, deadlineMs: deps.callDeadlineMs ?? CALL_DEADLINE_MS, observe: deps.observe });
  }

  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    const claimed = this.claimDue(now);
    if (claimed.length > 0) this.fault('claim');
    const fresh = new Set(claimed.map((c) => c.id));
    const byPlace = new Map<string, Claimed[]>();
    const add = (item: Claimed) => byPlace.set(item.session.channelKey, [...(byPlace.get(item.session.channelKey) ?? []), item]);
    for (const item of claimed) add(item);
    for (const pending of this.deps.reminders.pending(now)) {
      if (fresh.has(pending.id)) continue;
      const occurrence = this.deps.service.deps.occurrences.get(pending.occurrenceId);
      const session = occurrence && this.deps.service.get(occurrence.sessionId);
      if (!occurrence || !session) {
        this.deps.reminders.abandon(pending.id);
        continue;
      }
      add({ ...pending, session, startsAt: occurrence.startsAt, fresh: false });
    }
    await Promise.all([...byPlace].map(([channel, items]) => this.places.start(channel, () => this.runPlace(items))));
  }

  /** Resolves when every channel's work in flight has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.places.idle();
  }

  private async runPlace(items: readonly Claimed[]): Promise<void> {
    for (const item of items) await this.post(item);
  }

  private offsetsOf(session: ReadingSession): readonly number[] {
    return this.deps.service.deps.settings.offsets(session.channelKey) ?? this.deps.defaultOffsets ?? DEFAULT_OFFSETS;
  }

  /** Every due reminder claimed in one transaction: a thousand sessions due together cost one commit. */
  private claimDue(now: Date): Claimed[] {
    const claimed: Claimed[] = [];
    const lease = leaseUntil(now);
    const { occurrences } = this.deps.service.deps;
    this.deps.reminders.immediate(() => {
      for (const session of this.deps.service.deps.sessions.activeSessions()) {
        try {
          const offsets = this.offsetsOf(session);
          const horizon = now.getTime() + Math.max(0, ...offsets) * MINUTE;
          const since = new Date(now.getTime() - START_GRACE_MINUTES * MINUTE);
          for (const meeting of upcomingMeetings(session, since, 30)) {
            if (meeting.startsAt.getTime() > horizon) break;
            const due = offsets.filter((stage) => meeting.startsAt.getTime() - stage * MINUTE <= now.getTime());
            if (due.length === 0) continue;
            // Read first: most ticks find the row already there and write nothing.
            const row = occurrences.at(session.id, meeting.index) ?? occurrences.ensure(session.id, meeting.index, meeting.startsAt);
            if (row.skipped) continue;
            // Only the latest due stage is sent; earlier ones it overtook never go out late.
            const latest = Math.min(...due);
            for (const stage of due) if (stage !== latest) this.deps.reminders.pass(row.id, stage);
            if (!stillWanted(latest, meeting.startsAt, now)) {
              this.deps.reminders.pass(row.id, latest);
              continue;
            }
            const id = this.deps.reminders.claim(row.id, latest, this.deps.worker, lease);
            if (id === undefined) continue;
            claimed.push({ id, session, occurrenceId: row.id, startsAt: meeting.startsAt, stage: latest, attempts: 0, fresh: true });
            this.deps.logger.info({ session: session.id, occurrence: row.id, stage: latest }, 'reading: reminder claimed');
          }
        } catch (error) {
          this.deps.logger.error({ err: error, session: session.id }, 'reading: could not plan reminders');
        }
      }
    });
    return claimed;
  }

  private async post(claimed: Claimed): Promise<void> {
    const adapter = this.deps.publisher(claimed.session.platform);
    if (!adapter) return; // That platform is not running here; the claim waits for its lease and a later tick.
    const now = this.deps.clock.now();
    if (!this.deps.reminders.lease(claimed.id, this.deps.worker, now, leaseUntil(now))) return;
    const occurrence = this.deps.service.deps.occurrences.get(claimed.occurrenceId);
    const reply = this.render(claimed.session, claimed.occurrenceId, claimed.stage);
    const wanted = occurrence && !occurrence.skipped && !claimed.session.cancelledAt && stillWanted(claimed.stage, occurrence.startsAt, now);
    if (!reply || !wanted) return this.repairOrAbandon(claimed, adapter, reply, now);
    const key = this.deps.keys.reminder(claimed.id);
    const result = await this.calls.call(claimed.session.platform, 'post', () =>
      adapter.post(claimed.session.channel, reply, { idempotencyKey: key, retry: !claimed.fresh, since: claimedSince(claimed) }),
    );
    if (result.ok) {
      this.fault('post');
      this.record(claimed, result.messageId);
      this.calls.observePost('reminder', 'posted', claimedSince(claimed));
      return;
    }
    if (result.reason === 'failed') return this.retryLater(claimed, now, result.detail);
    this.deps.reminders.abandon(claimed.id);
    this.calls.observePost('reminder', 'abandoned');
    this.deps.logger.warn({ session: claimed.session.id, reason: result.reason }, 'reading: reminder not posted — the channel is gone or closed to the bot');
  }

  private record(claimed: Claimed, messageId: string): void {
    this.deps.reminders.markPosted(claimed.id, messageId, this.deps.clock.now());
    this.fault('record');
    this.deps.logger.info({ session: claimed.session.id, stage: claimed.stage, message: messageId }, 'reading: reminder posted');
  }

  /**
   * A reminder no longer worth posting (its meeting began, was skipped or
   * cancelled) may still be on screen from before a crash: then it is
   * recorded, so its RSVP buttons keep live counts; otherwise it is given up.
   */
  private async repairOrAbandon(claimed: Claimed, adapter: ChatAdapter, reply: ReturnType<ReadingRunner['render']>, now: Date): Promise<void> {
    const lookable = reply && !claimed.fresh && now.getTime() - claimed.startsAt.getTime() < REPAIR_HORIZON_MS;
    const found: Lookup = lookable
      ? await this.calls.lookup(claimed.session.platform, () => adapter.find(claimed.session.channel, reply, this.deps.keys.reminder(claimed.id), claimedSince(claimed)))
      : { state: 'absent' };
    if (found.state === 'found') {
      this.record(claimed, found.messageId);
      this.calls.observePost('reminder', 'found-after-crash');
      return;
    }
    if (found.state === 'unknown') return this.retryLater(claimed, now, found.detail);
    this.deps.reminders.abandon(claimed.id);
    this.calls.observePost('reminder', 'abandoned');
  }

  private retryLater(claimed: Claimed, now: Date, detail: string | undefined): void {
    const wait = retryAfterMinutes(claimed.attempts);
    this.deps.reminders.scheduleRetry(claimed.id, new Date(now.getTime() + wait * MINUTE));
    this.deps.logger.warn({ session: claimed.session.id, detail, retryInMinutes: wait }, 'reading: reminder failed; will retry');
    this.calls.observePost('reminder', 'failed');
  }


  private render(session: ReadingSession, occurrenceId: number, stage: number) {
    const occurrence = this.deps.service.deps.occurrences.get(occurrenceId);
    if (!occurrence) return undefined;
    const view = this.deps.service.view(session, { index: occurrence.index, startsAt: occurrence.startsAt });
    return reminderReply(view, stage, { t: translator(session.lang), lang: session.lang, catalog: this.deps.catalog });
  }

  /**
   * Live RSVP counts on the posted reminders of a meeting, at most one edit a
   * second per message (Slack answers 429 beyond that). Presses meanwhile
   * mark the counts stale and one more edit follows with the counts at that
   * moment, so the last counts always land.
   */
  refresh(occurrenceId: number): Promise<void> {
    return this.counts.request(occurrenceId, () => this.showCounts(occurrenceId));
  }

  /** Resolves when the live-count edits for a meeting (if any) are done; one waiting for its turn goes now. */
  settled(occurrenceId: number): Promise<void> {
    return this.counts.settled(occurrenceId);
  }

  /** Edits each posted reminder and add confirmation of the meeting whose counts changed since its last edit. */
  private async showCounts(occurrenceId: number): Promise<PassOutcome> {
    const occurrence = this.deps.service.deps.occurrences.get(occurrenceId);
    const session = occurrence && this.deps.service.get(occurrence.sessionId);
    if (!session) return 'unchanged';
    const adapter = this.deps.publisher(session.platform);
    if (!adapter) return 'unchanged';
    const shown: { messageId: string; reply: Reply }[] = [];
    for (const { messageId, stage } of this.deps.reminders.messagesFor(occurrenceId)) {
      const rendered = this.render(session, occurrenceId, stage);
      // The edit never re-pings: the mention belongs to the first post only.
      if (rendered) shown.push({ messageId, reply: { ...rendered, mention: undefined } });
    }
    const confirmations = this.deps.addMessages?.messagesFor(occurrenceId) ?? [];
    const added = confirmations.length > 0 ? this.renderAdded(session, occurrenceId) : undefined;
    if (added) for (const messageId of confirmations) shown.push({ messageId, reply: added });
    const outcomes: PassOutcome[] = [];
    for (const { messageId, reply } of shown) {
      const message = `${session.platform}:${session.channel}:${messageId}`;
      outcomes.push(await this.counts.shown.edit(message, reply, () => adapter.edit(session.channel, messageId, reply)));
    }
    return outcomes.includes('failed') ? 'failed' : outcomes.includes('edited') ? 'edited' : 'unchanged';
  }

  /** The add confirmation as it reads now: the same meeting, its current counts and names. */
  private renderAdded(session: ReadingSession, occurrenceId: number): Reply | undefined {
    const occurrence = this.deps.service.deps.occurrences.get(occurrenceId);
    if (!occurrence) return undefined;
    const view = this.deps.service.view(session, { index: occurrence.index, startsAt: occurrence.startsAt });
    return sessionReply(view, 'added', { t: translator(session.lang), lang: session.lang, catalog: this.deps.catalog });
  }
}

/** A reminder still makes sense: before the start, or (the start reminder) within its grace. */
function stillWanted(stage: number, startsAt: Date, now: Date): boolean {
  const limit = stage === 0 ? startsAt.getTime() + START_GRACE_MINUTES * MINUTE : startsAt.getTime();
  return now.getTime() < limit;
}

/** The earliest a reminder can have been posted: its stage's time (a claim never comes before it). */
function claimedSince(claimed: Claimed): Date {
  return new Date(claimed.startsAt.getTime() - claimed.stage * MINUTE);
}
