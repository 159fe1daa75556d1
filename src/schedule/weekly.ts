import { DateTime } from 'luxon';

/**
 * A schedule kept the way people think of it: a local clock time on some
 * weekdays in an IANA zone. Instants are computed in that zone each time, so
 * 09:00 stays 09:00 across DST changes. In a spring-forward gap (02:30 that
 * never happens) luxon moves the time forward by the gap; in a fall-back
 * overlap it takes the first of the two 01:30s — either way once a day.
 */
export interface WeeklyTime {
  hour: number;
  minute: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: ReadonlySet<number>;
  zone: string;
}

/** "YYYY-MM-DD" of an instant in a zone: the key that makes a round "one per local day". */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** ISO weekday (1 = Monday) of a local date. */
export function weekdayOf(localDate: string): number {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).weekday;
}

/** The instant of the schedule's time on a local date, or undefined when that weekday is not scheduled. */
export function occurrenceOn(spec: WeeklyTime, localDate: string): Date | undefined {
  const day = DateTime.fromISO(localDate, { zone: spec.zone });
  if (!day.isValid || !spec.days.has(day.weekday)) return undefined;
  return day.set({ hour: spec.hour, minute: spec.minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The next `count` occurrences strictly after `after`. */
export function nextOccurrences(spec: WeeklyTime, after: Date, count: number): Date[] {
  const found: Date[] = [];
  let day = DateTime.fromJSDate(after, { zone: spec.zone }).startOf('day');
  // Eight days always reach the next scheduled weekday; the bound only guards an empty day set.
  for (let scanned = 0; found.length < count && scanned < 8 * count + 8; scanned++) {
    const at = occurrenceOn(spec, day.toISODate() ?? '');
    if (at && at.getTime() > after.getTime()) found.push(at);
    day = day.plus({ days: 1 });
  }
  return found;
}

/** The latest occurrence at or before `at`, looking back at most eight days. */
export function latestOccurrence(spec: WeeklyTime, at: Date): Date | undefined {
  let day = DateTime.fromJSDate(at, { zone: spec.zone }).startOf('day');
  for (let back = 0; back <= 8; back++) {
    const occurrence = occurrenceOn(spec, day.toISODate() ?? '');
    if (occurrence && occurrence.getTime() <= at.getTime()) return occurrence;
    day = day.minus({ days: 1 });
  }
  return undefined;
}

/** "2026-12-04 (Fri) 09:00 Asia/Tokyo" in the reader's language. */
export function formatLocal(instant: Date, zone: string, lang: 'ja' | 'en'): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(lang === 'ja' ? 'ja' : 'en');
  return `${local.toISODate()} (${local.toFormat('ccc')}) ${local.toFormat('HH:mm')} ${zone}`;
}
