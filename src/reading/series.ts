import { occurrences } from './time/repeat.js';
import type { Person, ReadingSession } from '../store/reading-sessions.js';

const DAY = 86_400_000;
/** The most meetings a series is walked through to number one (a daily series over five years). */
const MAX_WALK = 2000;

export interface Meeting {
  /** Position in the series, counting skipped meetings (UNIQUE with the session in the store). */
  index: number;
  startsAt: Date;
}

/**
 * The meetings of a session from its (current) first start up to `until`,
 * plus the next `extra` after it, numbered from the session's index base.
 * Local clock time is kept across DST by occurrences().
 */
export function meetingsUntil(session: Pick<ReadingSession, 'firstStart' | 'zone' | 'repeat' | 'indexBase'>, until: Date, extra = 1): Meeting[] {
  const span = Math.max(0, until.getTime() - session.firstStart.getTime());
  // No series is denser than daily, so days in the span bound how many meetings it holds.
  const limit = Math.min(MAX_WALK, Math.ceil(span / DAY) + 1 + extra);
  const starts = session.repeat ? occurrences(session.firstStart, session.zone, session.repeat, { limit }) : [session.firstStart];
  const result: Meeting[] = [];
  let after = 0;
  for (const [i, startsAt] of starts.entries()) {
    if (startsAt.getTime() > until.getTime()) {
      if (after++ >= extra) break;
    }
    result.push({ index: session.indexBase + i, startsAt });
  }
  return result;
}

/** Meetings starting after `after`, up to `limit` of them. */
export function upcomingMeetings(session: Pick<ReadingSession, 'firstStart' | 'zone' | 'repeat' | 'indexBase'>, after: Date, limit: number): Meeting[] {
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
