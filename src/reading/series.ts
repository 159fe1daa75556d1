import { occurrences } from './time/repeat.js';
import type { Person, ReadingSession } from './store/sessions.js';

/** The most meetings a series is walked through (a daily series over 27 years). */
const MAX_WALK = 10_000;
/** Series kept in memory; past this the memo starts afresh (a session's starts are cheap to redo). */
const MEMO_MAX = 5_000;

export interface Meeting {
  /** Position in the series, counting skipped meetings (UNIQUE with the session in the store). */
  index: number;
  startsAt: Date;
}

type SeriesSpec = Pick<ReadingSession, 'firstStart' | 'zone' | 'repeat' | 'indexBase'>;

/**
 * Every tick asks each session for its next meetings, and walking a series
 * with luxon costs tens of microseconds a step; so the starts computed for a
 * series (keyed by everything that defines it) are kept and only extended,
 * doubling, when a later meeting is asked for. An edit changes the key.
 */
const memo = new Map<string, { starts: Date[]; complete: boolean }>();

function startsCovering(session: SeriesSpec, until: Date, extra: number): Date[] {
  if (!session.repeat) return [session.firstStart];
  const key = `${session.firstStart.toISOString()}|${session.zone}|${JSON.stringify(session.repeat)}`;
  let entry = memo.get(key);
  if (!entry) {
    if (memo.size >= MEMO_MAX) memo.clear();
    entry = { starts: [], complete: false };
    memo.set(key, entry);
  }
  const later = () => entry.starts.length - entry.starts.filter((at) => at.getTime() <= until.getTime()).length;
  while (!entry.complete && later() < extra) {
    const limit = Math.min(MAX_WALK, Math.max(16, entry.starts.length * 2));
    entry.starts = occurrences(session.firstStart, session.zone, session.repeat, { limit });
    entry.complete = entry.starts.length < limit || limit === MAX_WALK;
  }
  return entry.starts;
}

/**
 * The meetings of a session from its (current) first start up to `until`,
 * plus the next `extra` after it, numbered from the session's index base.
 * Local clock time is kept across DST by occurrences().
 */
export function meetingsUntil(session: SeriesSpec, until: Date, extra = 1): Meeting[] {
  const result: Meeting[] = [];
  let after = 0;
  for (const [i, startsAt] of startsCovering(session, until, extra).entries()) {
    if (startsAt.getTime() > until.getTime() && after++ >= extra) break;
    result.push({ index: session.indexBase + i, startsAt });
  }
  return result;
}

/** Meetings starting after `after`, up to `limit` of them. */
export function upcomingMeetings(session: SeriesSpec, after: Date, limit: number): Meeting[] {
  return meetingsUntil(session, after, limit).filter((m) => m.startsAt.getTime() > after.getTime());
}

/**
 * Who presents at a meeting: someone named for that meeting alone, else the
 * rotation's turn — advanced only by meetings that were held, so skipping a
 * meeting does not skip a person — else the session's presenter.
 */
export function presenterAt(session: Pick<ReadingSession, 'presenter' | 'rotation'>, index: number, skippedBefore: number, override?: Person): Person | undefined {
  if (override) return override;
  const rotation = session.rotation;
  if (rotation && rotation.length > 0) return rotation[(index - skippedBefore) % rotation.length];
  return session.presenter;
}
