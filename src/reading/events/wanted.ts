import { createHash } from 'node:crypto';
import type { Catalog } from '../../catalog/catalog.js';
import type { MirroredEvent } from '../../core/event-mirror.js';
import { translator } from '../../i18n/index.js';
import { paperView } from '../paper.js';
import { personLabel } from '../people.js';
import { presenterAt, upcomingMeetings } from '../series.js';
import type { ReadingOccurrenceStore } from '../store/occurrences.js';
import type { ReadingSession } from '../store/sessions.js';

/** How many meetings of a series ahead are events, and how far ahead at most (a server holds 100 events). */
export const EVENTS_PER_SESSION = 3;
export const EVENTS_HORIZON_DAYS = 60;
/** Meetings walked to find the next few that are not skipped. */
const WALK = 12;
/** Discord's limits: name 1–100 characters, description up to 1000 (the marker line included). */
const NAME_MAX = 100;
const DESCRIPTION_MAX = 900;

/** One meeting as its event should look, before it has a marker. */
export interface WantedEvent {
  sessionId: number;
  index: number;
  platform: string;
  scope: string;
  startsAt: Date;
  event: Omit<MirroredEvent, 'marker'>;
  /** Of everything sent: a row whose hash differs is patched. */
  hash: string;
}

export const scopeKey = (platform: string, scope: string): string => `${platform}:${scope}`;
export const meetingKey = (sessionId: number, index: number): string => `${sessionId}:${index}`;

/**
 * The events that should exist now: the next few meetings (not skipped) of
 * every session that is not cancelled, on a platform with an events list, in
 * a server — grouped by server, keyed by meeting.
 */
export function wantedEvents(
  sessions: readonly ReadingSession[],
  occurrences: ReadingOccurrenceStore,
  catalog: Catalog,
  now: Date,
  mirrored: (session: ReadingSession) => boolean,
): Map<string, Map<string, WantedEvent>> {
  const horizon = now.getTime() + EVENTS_HORIZON_DAYS * 24 * 60 * 60_000;
  const byScope = new Map<string, Map<string, WantedEvent>>();
  for (const session of sessions) {
    if (session.cancelledAt || !mirrored(session)) continue;
    let taken = 0;
    for (const meeting of upcomingMeetings(session, now, WALK)) {
      if (taken >= EVENTS_PER_SESSION || meeting.startsAt.getTime() > horizon) break;
      const row = occurrences.at(session.id, meeting.index);
      if (row?.skipped) continue;
      taken += 1;
      const skippedBefore = occurrences.skippedBeforeIndex(session.id, meeting.index);
      const event = eventOf(session, meeting.startsAt, presenterAt(session, meeting.index, skippedBefore, row?.presenter), catalog);
      const key = scopeKey(session.platform, session.scope);
      const inScope = byScope.get(key) ?? new Map<string, WantedEvent>();
      byScope.set(key, inScope);
      inScope.set(meetingKey(session.id, meeting.index), {
        sessionId: session.id,
        index: meeting.index,
        platform: session.platform,
        scope: session.scope,
        startsAt: meeting.startsAt,
        event,
        hash: hashOf(event),
      });
    }
  }
  return byScope;
}

function eventOf(session: ReadingSession, startsAt: Date, presenter: { id?: string; name: string } | undefined, catalog: Catalog): Omit<MirroredEvent, 'marker'> {
  const t = translator(session.lang);
  const lines: string[] = [];
  if (session.paper) {
    const paper = paperView(session.paper, catalog, session.lang);
    lines.push(t('reading.event.paper', { paper: paper.url ? `${paper.name} — ${paper.url}` : paper.name }));
  }
  if (presenter) lines.push(t('reading.event.presenter', { name: personLabel(presenter) }));
  return {
    name: [...session.title].slice(0, NAME_MAX).join(''),
    description: [...lines.join('\n')].slice(0, DESCRIPTION_MAX).join(''),
    channel: session.channel,
    start: startsAt,
    end: new Date(startsAt.getTime() + session.durationMinutes * 60_000),
  };
}

function hashOf(event: Omit<MirroredEvent, 'marker'>): string {
  const canonical = JSON.stringify([event.name, event.description, event.channel, event.start.toISOString(), event.end.toISOString()]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
