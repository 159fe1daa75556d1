import type { Catalog } from '../catalog/catalog.js';
import type { Lang } from '../i18n/index.js';
import type { ReadingSession } from './store/sessions.js';
import { paperView } from './paper.js';
import { personLabel } from './people.js';
import type { ReadingService } from './service.js';
import { buildCalendar, type IcsEvent } from './time/ics.js';

/**
 * A channel's sessions as one calendar: a series is one event with its RRULE
 * (from its current first start) and an EXDATE per skipped meeting; UIDs are
 * stable per session, so a re-import updates rather than duplicates. SEQUENCE
 * and DTSTAMP come from the session's revision (edits, skips, cancellation), so
 * unchanged sessions give the same bytes and a changed one wins in the calendar
 * app; a cancelled session (the feed keeps them a while) is STATUS:CANCELLED.
 */
export function channelCalendar(sessions: readonly ReadingSession[], reading: ReadingService, catalog: Catalog, lang: Lang, now: Date): string {
  const events: IcsEvent[] = sessions.map((session) => {
    const paper = session.paper ? paperView(session.paper, catalog, lang) : undefined;
    const skipped = reading.deps.occurrences.ofSession(session.id).filter((row) => row.skipped && row.index >= session.indexBase);
    const presenter = session.rotation?.length ? session.rotation.map(personLabel).join(', ') : session.presenter && personLabel(session.presenter);
    const description = [paper?.name, presenter].filter(Boolean).join(' — ');
    const revision = reading.deps.revisions.of(session.id);
    return {
      uid: `reading-${session.id}-${session.channelKey.replace(/[^A-Za-z0-9]/g, '')}@yomikai`,
      title: session.title,
      ...(description ? { description } : {}),
      ...(paper?.url ? { url: paper.url } : {}),
      start: session.firstStart,
      zone: session.zone,
      durationMinutes: session.durationMinutes,
      ...(session.repeat ? { repeat: session.repeat } : {}),
      ...(skipped.length > 0 ? { exdates: skipped.map((row) => row.startsAt) } : {}),
      sequence: revision.sequence,
      stamp: revision.at,
      ...(session.cancelledAt ? { cancelled: true } : {}),
    };
  });
  return buildCalendar('yomikai reading group', events, now);
}
