import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Repeat } from './repeat.js';
import { buildVTimezone } from './vtimezone.js';

/** One session or series as it goes into the calendar file. */
export interface IcsEvent {
  /** Stable across exports, so calendar apps update the event instead of duplicating it. */
  uid: string;
  title: string;
  description?: string;
  url?: string;
  /** The first session. */
  start: Date;
  /** IANA zone the session is kept in; its times are written with TZID. */
  zone: string;
  durationMinutes: number;
  repeat?: Repeat;
  /** Skipped sessions of a series (their original instants). Ignored without `repeat`. */
  exdates?: Date[];
  /** RFC 5545 SEQUENCE: how many times the session changed; calendar apps keep the highest. */
  sequence?: number;
  /** DTSTAMP: when the session last changed (without METHOD it means LAST-MODIFIED); `now` when absent. */
  stamp?: Date;
  /** A cancelled session, kept in a subscribed feed for a while so calendars drop it. */
  cancelled?: boolean;
}

/** How far past the last dated session the zone's offset changes are listed, for open-ended series. */
const ZONE_YEARS_AHEAD = 10;

const BYDAY: Record<number, ICalWeekday> = {
  1: ICalWeekday.MO, 2: ICalWeekday.TU, 3: ICalWeekday.WE, 4: ICalWeekday.TH, 5: ICalWeekday.FR, 6: ICalWeekday.SA, 7: ICalWeekday.SU,
};

/**
 * An RFC 5545 calendar of sessions: DTSTART/DTEND with TZID and a VTIMEZONE
 * per zone, RRULE for series, EXDATE for skipped sessions, and DTSTAMP from
 * each event's last change (else the injected clock's `now`), so the same
 * sessions give the same bytes — a feed's ETag depends on it.
 */
export function buildCalendar(name: string, events: IcsEvent[], now: Date): string {
  const calendar = ical({ name: escapeText(name), prodId: { company: 'yomikai', product: 'reading-sessions', language: 'EN' } });
  const { from, to } = zoneSpan(events, now);
  // An unnamed calendar zone: ical-generator then writes DTSTAMP and UNTIL in
  // UTC (RFC 5545 requires UTC UNTIL with a TZID start) and still calls the
  // generator for every event's zone.
  calendar.timezone({ name: '', generator: (zone) => buildVTimezone(zone, from, to) });
  for (const event of events) {
    const start = DateTime.fromJSDate(event.start, { zone: event.zone });
    calendar.createEvent({
      id: event.uid,
      summary: event.title,
      ...(event.description !== undefined ? { description: event.description } : {}),
      ...(event.url !== undefined ? { url: event.url } : {}),
      start,
      end: start.plus({ minutes: event.durationMinutes }),
      timezone: event.zone,
      stamp: event.stamp ?? now,
      ...(event.sequence !== undefined ? { sequence: event.sequence } : {}),
      ...(event.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      ...(event.repeat ? { repeating: repeating(event.repeat, event.zone, event.exdates ?? []) } : {}),
    });
  }
  return withFinalLineEnd(calendar.toString());
}

/**
 * RFC 5545 §3.1: every content line ends with CRLF, the last one included.
 * ical-generator 10 joins lines with CRLF but leaves none after
 * END:VCALENDAR, and strict importers (and `cat a.ics b.ics`) trip on that.
 */
function withFinalLineEnd(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function repeating(repeat: Repeat, zone: string, exdates: Date[]) {
  const freq = repeat.every === 'monthly' ? ICalEventRepeatingFreq.MONTHLY : ICalEventRepeatingFreq.WEEKLY;
  return {
    freq,
    ...(repeat.every === 'biweekly' ? { interval: 2 } : {}),
    ...(repeat.every === 'days' ? { byDay: (repeat.days ?? []).map((day) => BYDAY[day] ?? ICalWeekday.MO), startOfWeek: ICalWeekday.MO } : {}),
    ...(repeat.count !== undefined ? { count: repeat.count } : {}),
    // The last moment of the local end date, in UTC: sessions on that day still count.
    ...(repeat.until !== undefined ? { until: DateTime.fromISO(repeat.until, { zone }).endOf('day').set({ millisecond: 0 }).toJSDate() } : {}),
    ...(exdates.length > 0 ? { exclude: exdates.map((date) => DateTime.fromJSDate(date, { zone })) } : {}),
  };
}

/**
 * From the first session to ten years past the later of this year and the last
 * dated start or end. "Now" counts only by its year, so the calendar of unchanged
 * sessions keeps the same bytes from one request to the next (a feed's ETag).
 */
function zoneSpan(events: IcsEvent[], now: Date): { from: Date; to: Date } {
  const thisYear = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('year').toMillis();
  let from = events.length > 0 ? Number.POSITIVE_INFINITY : thisYear;
  let last = thisYear;
  for (const event of events) {
    from = Math.min(from, event.start.getTime());
    last = Math.max(last, event.start.getTime());
    if (event.repeat?.until) last = Math.max(last, DateTime.fromISO(event.repeat.until, { zone: event.zone }).toMillis());
  }
  return { from: new Date(from), to: DateTime.fromMillis(last).plus({ years: ZONE_YEARS_AHEAD }).toJSDate() };
}

/** RFC 5545 TEXT escaping, for the calendar name (ical-generator writes it as given). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}
