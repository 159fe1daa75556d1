import type { Catalog } from '../catalog/catalog.js';
import { Coalescer, SharedPass, type PassOutcome, type Wait } from '../schedule/coalesce.js';
import type { Clock } from '../core/clock.js';
import type { Publisher } from '../core/adapter.js';
import type { Logger } from '../core/logger.js';
import { translator } from '../i18n/index.js';
import type { ReadingReminderStore } from '../store/reading-reminders.js';
import type { ReadingSession } from '../store/reading-sessions.js';
import { DEFAULT_OFFSETS } from './offsets.js';
import { reminderReply } from './render.js';
import type { ReadingService } from './service.js';
import { upcomingMeetings } from './series.js';

const MINUTE = 60_000;
const LEASE_MS = 2 * MINUTE;
const MAX_BACKOFF_MINUTES = 16;
/** The "starting now" reminder still goes out this long after the start (a tick is once a minute). */
export const START_GRACE_MINUTES = 10;

export interface ReadingRunnerDeps {
  service: ReadingService;
  reminders: ReadingReminderStore;
  catalog: Catalog;
  clock: Clock;
  publisher: Publisher;
  logger: Logger;
  /** Offsets where a channel has chosen none (config). */
  defaultOffsets?: readonly number[];
  /** How a live-count edit waits for its turn: a timer unless a test drives it. */
  liveCountWait?: Wait;
}

interface Claimed {
  id: number;
  session: ReadingSession;
  occurrenceId: number;
  startsAt: Date;
  stage: number;
  attempts: number;
}

/**
 * Staged reminders, decided from the database and the clock alone (the
 * quiz runner's pattern), so a tick may run at any moment — every minute,
 * right after a start, twice at once — and each reminder still goes out once:
 *   1. claim the due (meeting, stage) rows — the UNIQUE key is the claim;
 *      earlier stages overtaken by a later one are recorded as passed,
 *   2. post each claimed reminder under an idempotency key, record its message,
 *   3. retry claimed rows whose lease ran out, unless their meeting has begun.
 * A reminder missed while the bot was down goes out late only before the
 * meeting starts (the start reminder: within a few minutes of it).
 */
export class ReadingRunner {
  private readonly ticks = new SharedPass();
  /** Live RSVP-count edits, by meeting (src/schedule/coalesce.ts). */
  private readonly counts: Coalescer<number>;

  constructor(private readonly deps: ReadingRunnerDeps) {
    this.counts = new Coalescer((error, occurrence) => deps.logger.warn({ err: error, occurrence }, 'reading: live counts not updated'), {
      clock: deps.clock,
      wait: deps.liveCountWait,
    });
  }

  tick(): Promise<void> {
    return this.ticks.run(() => this.pass());
  }

  private async pass(): Promise<void> {
    const now = this.deps.clock.now();
    for (const claimed of this.claimDue(now)) await this.post(claimed, now, false);
    for (const pending of this.deps.reminders.pending(now)) {
      const occurrence = this.deps.service.deps.occurrences.get(pending.occurrenceId);
      const session = occurrence && this.deps.service.get(occurrence.sessionId);
      if (!occurrence || !session || session.cancelledAt || occurrence.skipped || !stillWanted(pending.stage, occurrence.startsAt, now)) {
        this.deps.reminders.abandon(pending.id);
        continue;
      }
      if (!this.deps.reminders.lease(pending.id, now, new Date(now.getTime() + LEASE_MS))) continue;
      await this.post({ ...pending, session, startsAt: occurrence.startsAt }, now, true);
    }
  }

  private offsetsOf(session: ReadingSession): readonly number[] {
    return this.deps.service.deps.settings.offsets(session.channelKey) ?? this.deps.defaultOffsets ?? DEFAULT_OFFSETS;
  }

  /** Every due reminder claimed in one transaction: a thousand sessions due together cost one commit. */
  private claimDue(now: Date): Claimed[] {
    const claimed: Claimed[] = [];
    const lease = new Date(now.getTime() + LEASE_MS);
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
            const id = this.deps.reminders.claim(row.id, latest, lease);
            if (id === undefined) continue;
            claimed.push({ id, session, occurrenceId: row.id, startsAt: meeting.startsAt, stage: latest, attempts: 0 });
            this.deps.logger.info({ session: session.id, occurrence: row.id, stage: latest }, 'reading: reminder claimed');
          }
        } catch (error) {
          this.deps.logger.error({ err: error, session: session.id }, 'reading: could not plan reminders');
        }
      }
    });
    return claimed;
  }

  private async post(claimed: Claimed, now: Date, retry: boolean): Promise<void> {
    const adapter = this.deps.publisher(claimed.session.platform);
    if (!adapter) return; // That platform is not running here; the claim waits for its lease and a later tick.
    const reply = this.render(claimed.session, claimed.occurrenceId, claimed.stage);
    if (!reply) return;
    const result = await adapter.post(claimed.session.channel, reply, { idempotencyKey: `yrm${claimed.id}`, retry });
    if (result.ok) {
      this.deps.reminders.markPosted(claimed.id, result.messageId, this.deps.clock.now());
      this.deps.logger.info({ session: claimed.session.id, stage: claimed.stage, message: result.messageId }, 'reading: reminder posted');
      return;
    }
    if (result.reason === 'failed') {
      const wait = Math.min(2 ** claimed.attempts, MAX_BACKOFF_MINUTES);
      this.deps.reminders.scheduleRetry(claimed.id, new Date(now.getTime() + wait * MINUTE));
      this.deps.logger.warn({ session: claimed.session.id, detail: result.detail, retryInMinutes: wait }, 'reading: reminder failed; will retry');
      return;
    }
    this.deps.reminders.abandon(claimed.id);
    this.deps.logger.warn({ session: claimed.session.id, reason: result.reason }, 'reading: reminder not posted — the channel is gone or closed to the bot');
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

  /** Edits each posted reminder of the meeting whose counts changed since its last edit. */
  private async showCounts(occurrenceId: number): Promise<PassOutcome> {
    const occurrence = this.deps.service.deps.occurrences.get(occurrenceId);
    const session = occurrence && this.deps.service.get(occurrence.sessionId);
    if (!session) return 'unchanged';
    const adapter = this.deps.publisher(session.platform);
    if (!adapter) return 'unchanged';
    const outcomes: PassOutcome[] = [];
    for (const { messageId, stage } of this.deps.reminders.messagesFor(occurrenceId)) {
      const rendered = this.render(session, occurrenceId, stage);
      if (!rendered) continue;
      // The edit never re-pings: the mention belongs to the first post only.
      const reply = { ...rendered, mention: undefined };
      const message = `${session.platform}:${session.channel}:${messageId}`;
      outcomes.push(await this.counts.shown.edit(message, reply, () => adapter.edit(session.channel, messageId, reply)));
    }
    return outcomes.includes('failed') ? 'failed' : outcomes.includes('edited') ? 'edited' : 'unchanged';
  }
}

/** A reminder still makes sense: before the start, or (the start reminder) within its grace. */
function stillWanted(stage: number, startsAt: Date, now: Date): boolean {
  const limit = stage === 0 ? startsAt.getTime() + START_GRACE_MINUTES * MINUTE : startsAt.getTime();
  return now.getTime() < limit;
}
