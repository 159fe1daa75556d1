import type { Catalog } from '../../catalog/catalog.js';
import type { Publisher } from '../../core/adapter.js';
import type { Clock } from '../../core/clock.js';
import type { EventMirror, MirrorResult } from '../../core/event-mirror.js';
import type { Logger } from '../../core/logger.js';
import { PlaceWork } from '../../schedule/place-work.js';
import { withDeadline } from '../../schedule/deadline.js';
import { CALL_DEADLINE_MS, leaseUntil } from '../../schedule/timing.js';
import type { ReadingOccurrenceStore } from '../store/occurrences.js';
import type { ReadingSession, ReadingSessionStore } from '../store/sessions.js';
import type { EventSettingsStore, GuildEventStore, MirrorRow } from '../store/guild-events.js';
import { meetingKey, scopeKey, wantedEvents, type WantedEvent } from './wanted.js';


export interface GuildEventSyncDeps {
  sessions: ReadingSessionStore;
  occurrences: ReadingOccurrenceStore;
  rows: GuildEventStore;
  settings: EventSettingsStore;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  publisher: Publisher;
  /** This process's name on the leases it holds. */
  worker: string;
  /** This database's id: part of every event's marker, so another yomikai's events are never taken for ours. */
  instance: string;
  callDeadlineMs?: number;
}

/**
 * Keeps each server's events list (Discord's scheduled events) in step with
 * its reading sessions, as a reconciliation the runner's tick repeats: what
 * should exist (wanted.ts) against what the table says was made, then create,
 * patch or delete what differs. A create is claimed first (a row, UNIQUE per
 * meeting), then made, then recorded; a row still 'claimed' on a later pass
 * may have its event already (a crash, a 5xx after Discord stored it), so
 * that pass looks for the event by its marker before creating again.
 */
export class GuildEventSync {
  private readonly places: PlaceWork;
  private readonly again = new Set<string>();

  constructor(private readonly deps: GuildEventSyncDeps) {
    this.places = new PlaceWork((error, place) => deps.logger.error({ err: error, place }, 'reading: events not synced; the next tick tries again'));
  }

  /** One pass over every server with sessions or events; a server still busy from the last pass is done again after it. */
  async tick(): Promise<void> {
    const scopes = new Map<string, { platform: string; scope: string }>();
    for (const session of this.deps.sessions.activeSessions()) if (this.mirrored(session)) scopes.set(scopeKey(session.platform, session.scope), session);
    for (const row of this.deps.rows.scopesWithRows()) if (this.mirrorOf(row.platform)) scopes.set(scopeKey(row.platform, row.scope), row);
    await Promise.all(
      [...scopes].map(([key, { platform, scope }]) => {
        if (this.places.isBusy(key)) this.again.add(key);
        return this.places.start(key, async () => {
          do {
            this.again.delete(key);
            await this.syncScope(platform, scope);
          } while (this.again.has(key));
        });
      }),
    );
  }

  /** A session changed: sync soon rather than at the next minute. */
  poke(): void {
    this.tick().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'reading: events sync after a change failed; the next tick tries again'));
  }

  idle(): Promise<void> {
    return this.places.idle();
  }

  mirrorOf(platform: string): EventMirror | undefined {
    return this.deps.publisher(platform as ReadingSession['platform'])?.events;
  }

  private mirrored(session: ReadingSession): boolean {
    return !session.scope.startsWith('dm:') && this.mirrorOf(session.platform) !== undefined;
  }

  private async syncScope(platform: string, scope: string): Promise<void> {
    const mirror = this.mirrorOf(platform);
    if (!mirror) return;
    const { rows, settings, clock } = this.deps;
    const now = clock.now();
    const sessions = this.deps.sessions.activeSessions().filter((s) => s.platform === platform && s.scope === scope);
    const all = wantedEvents(sessions, this.deps.occurrences, this.deps.catalog, now, (s) => this.mirrored(s));
    const wanted = settings.enabled(platform, scope) ? (all.get(scopeKey(platform, scope)) ?? new Map<string, WantedEvent>()) : new Map<string, WantedEvent>();
    const byMeeting = new Map<string, MirrorRow>();
    for (const row of rows.rowsIn(platform, scope)) {
      const key = meetingKey(row.sessionId, row.index);
      // A meeting that has begun is Discord's to start and end (an external event does both itself).
      if (!wanted.has(key) && row.startsAt.getTime() <= now.getTime()) rows.forget(row.id);
      else byMeeting.set(key, row);
    }
    if (wanted.size === 0 && byMeeting.size === 0) return;
    // After a 'missing', Discord is asked afresh each pass (not the cache), so a granted permission is seen within a minute.
    const permission = await withDeadline(mirror.permission(scope, settings.permission(platform, scope) === 'missing'), this.deadline(), () => 'unknown' as const);
    if (permission === 'unknown') return;
    settings.setPermission(platform, scope, permission);
    if (permission === 'missing') return;
    for (const [key, row] of byMeeting) if (!wanted.has(key)) await this.remove(mirror, row);
    for (const [key, want] of wanted) {
      const row = byMeeting.get(key);
      if (!row) await this.create(mirror, want);
      else if (row.state === 'claimed') await this.resume(mirror, row, want);
      else if (row.hash !== want.hash && row.eventId) await this.update(mirror, row, row.eventId, want);
    }
  }

  private async create(mirror: EventMirror, want: WantedEvent): Promise<void> {
    const id = this.deps.rows.claim(want, this.deps.worker, this.leaseEnd());
    if (id === undefined) return; // Another pass or process claimed this meeting first.
    // A crash or a lost answer from here on leaves the row 'claimed': resume() looks before creating again.
    const result = await this.call(mirror.create(want.scope, { ...want.event, marker: this.marker(id) }));
    if (this.outcome(result, want, 'create')) this.deps.rows.record(id, result.eventId, want.hash, want.startsAt);
  }

  /** A claimed row without an event id: its event may exist (made before a crash or a failed answer), so look first. */
  private async resume(mirror: EventMirror, row: MirrorRow, want: WantedEvent): Promise<void> {
    if (!this.lease(row)) return;
    const found = await withDeadline(mirror.find(want.scope, this.marker(row.id)), this.deadline(), () => ({ state: 'unknown' }) as const);
    if (found.state === 'unknown') return;
    if (found.state === 'found') return this.update(mirror, row, found.eventId, want);
    const result = await this.call(mirror.create(want.scope, { ...want.event, marker: this.marker(row.id) }));
    if (this.outcome(result, want, 'create')) this.deps.rows.record(row.id, result.eventId, want.hash, want.startsAt);
  }

  private async update(mirror: EventMirror, row: MirrorRow, eventId: string, want: WantedEvent): Promise<void> {
    if (!this.lease(row)) return;
    const result = await this.call(mirror.update(want.scope, eventId, { ...want.event, marker: this.marker(row.id) }));
    if (this.outcome(result, want, 'update')) this.deps.rows.record(row.id, eventId, want.hash, want.startsAt);
    // Deleted by hand in Discord: the row goes, and the next pass makes the event again.
    else if (!result.ok && result.reason === 'gone') this.deps.rows.forget(row.id);
  }

  /** Skipped, cancelled, moved out of the window, or the server turned the mirror off. */
  private async remove(mirror: EventMirror, row: MirrorRow): Promise<void> {
    if (!this.lease(row)) return;
    let eventId = row.eventId;
    if (!eventId) {
      const found = await withDeadline(mirror.find(row.scope, this.marker(row.id)), this.deadline(), () => ({ state: 'unknown' }) as const);
      if (found.state === 'unknown') return;
      if (found.state === 'absent') return this.deps.rows.forget(row.id);
      eventId = found.eventId;
    }
    const result = await this.call(mirror.remove(row.scope, eventId));
    if (result.ok || result.reason === 'gone') this.deps.rows.forget(row.id);
    else this.failed(result, row, 'remove');
  }

  private outcome(result: MirrorResult, where: { platform: string; scope: string; sessionId: number }, what: string): result is { ok: true; eventId: string } {
    if (!result.ok) this.failed(result, where, what);
    return result.ok;
  }

  private failed(result: Extract<MirrorResult, { ok: false }>, where: { platform: string; scope: string; sessionId: number }, what: string): void {
    if (result.reason === 'no-permission') this.deps.settings.setPermission(where.platform, where.scope, 'missing');
    this.deps.logger.warn({ scope: where.scope, session: where.sessionId, reason: result.reason, detail: result.detail }, `reading: event ${what} failed; the next tick tries again`);
  }

  private lease(row: MirrorRow): boolean {
    return this.deps.rows.lease(row.id, this.deps.worker, this.deps.clock.now(), this.leaseEnd());
  }

  private leaseEnd(): Date {
    return leaseUntil(this.deps.clock.now());
  }

  private marker(rowId: number): string {
    return `yomikai-event:${this.deps.instance}:${rowId.toString(36)}`;
  }

  private deadline(): number {
    return this.deps.callDeadlineMs ?? CALL_DEADLINE_MS;
  }

  private call(result: Promise<MirrorResult>): Promise<MirrorResult> {
    const ms = this.deadline();
    return withDeadline(result, ms, () => ({ ok: false, reason: 'failed', detail: `no answer within ${ms} ms` }) as const);
  }
}
