import { DateTime } from 'luxon';

/**
 * The instant a wall clock shows a given local date and time in an IANA zone.
 *
 * Two DST cases need a decision, and luxon alone leaves them to chance:
 * - a time that happens twice (clocks go back: 01:30 in New York on the first
 *   Sunday of November) is the FIRST of the two, so a session is never an
 *   hour later than the earliest reading of what was asked;
 * - a time that never happens (clocks go forward: 02:30 in Berlin on the last
 *   Sunday of March) comes back with `exact: false` and the instant luxon
 *   moves it to (an hour later on the wall); callers refuse it (parseWhen) or
 *   accept the shift for one occurrence of a series (occurrences).
 */
export interface LocalInstant {
  at: DateTime;
  exact: boolean;
}

export function atLocal(localDate: { year: number; month: number; day: number }, hour: number, minute: number, zone: string): LocalInstant {
  const { year, month, day } = localDate;
  const at = DateTime.fromObject({ year, month, day, hour, minute, second: 0, millisecond: 0 }, { zone });
  if (!at.isValid) return { at, exact: false };
  const exact = at.hour === hour && at.minute === minute && at.day === day;
  // A repeated hour: an earlier instant with the same wall clock exists when
  // the offset a few hours before was larger than the offset now.
  const before = at.minus({ hours: 3 }).offset;
  if (exact && before > at.offset) {
    const earlier = DateTime.fromMillis(at.toMillis() - (before - at.offset) * 60_000, { zone });
    if (earlier.hour === hour && earlier.minute === minute && earlier.day === day) return { at: earlier, exact };
  }
  return { at, exact };
}
