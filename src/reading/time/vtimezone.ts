import { DateTime, IANAZone } from 'luxon';

/**
 * A VTIMEZONE for an IANA zone, built from the runtime's time zone data via
 * luxon, so a calendar that does not know "Europe/Berlin" by name can still
 * place TZID times. ical-generator has no zone database of its own and asks
 * for such a generator.
 *
 * Each UTC-offset change between `from` and `to` is listed as its own
 * STANDARD/DAYLIGHT block (no RRULE): exact for whatever rules the zone had
 * or will have in that span, which covers every session in the calendar.
 * TZNAME is left out: it is optional, and the runtime's short names depend on
 * its locale data ("CET" here, "GMT+1" there), which would make files differ.
 */
export function buildVTimezone(zone: string, from: Date, to: Date): string {
  const tz = IANAZone.create(zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const start = from.getTime() - DAY;
  const initial = tz.offset(start);
  lines.push(...block(zone, start, initial, initial));
  let previous = initial;
  for (let t = start; t < to.getTime(); t += DAY) {
    const next = tz.offset(t + DAY);
    if (next === previous) continue;
    const change = firstChange(tz, t, t + DAY, previous);
    lines.push(...block(zone, change, previous, next));
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The first minute in (low, high] with an offset other than `before`. */
function firstChange(tz: IANAZone, low: number, high: number, before: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tz.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** One observance: from instant `at`, the offset `to` applies (the wall clock read `from` until then). */
function block(zone: string, at: number, from: number, to: number): string[] {
  const local = DateTime.fromMillis(at, { zone });
  const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the wall-clock time at the change, read in the offset in force before it.
  const wall = DateTime.fromMillis(at + from * MINUTE, { zone: 'UTC' }).toFormat("yyyyLLdd'T'HHmmss");
  return [
    `BEGIN:${kind}`,
    `DTSTART:${wall}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
}

/** +0900, -0500, +0530. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
