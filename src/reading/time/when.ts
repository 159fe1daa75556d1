import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { UserError } from '../../core/errors.js';
import { isTimeZone } from '../../core/timezone.js';
import { formatLocal } from '../../schedule/weekly.js';
import { findImpossibleDate } from './impossible-date.js';
import { leftoverWords } from './leftover.js';
import { rewriteJapanese } from './ja-words.js';
import { atLocal } from './local.js';
import { parseRelative } from './relative.js';
import { shown } from './shown.js';
import { dateForWeekday } from './weekday-rule.js';
import { takeWeekModifier, type ModifierFound } from './weekday-words.js';

/** A session time as the bot understood it: the instant, and the wall clock in the zone it was read in. */
export interface WhenResult {
  at: Date;
  /** YYYY-MM-DD in `zone`. */
  localDate: string;
  /** HH:MM (24-hour) in `zone`. */
  localTime: string;
  zone: string;
}

/**
 * Reads "next Friday 20:00", "明日の19時半", "12/4 20:00", "in 2 hours" … as a
 * future instant in an IANA zone, or throws a UserError that says what was
 * wrong and shows a good phrase.
 *
 * chrono-node finds the pieces (which weekday, which date, which clock time);
 * we build the instant ourselves with luxon in the IANA zone, because chrono
 * only knows a fixed UTC offset — today's — and "Friday 20:00" after a DST
 * change must still be 20:00 on the wall. Weekday phrases follow our own rule
 * (weekday-rule.ts), and a date without a year is the next time that date
 * comes round (chrono would move "today 10:00" a whole year ahead once 10:00
 * has passed; we refuse it as past instead).
 */
export function parseWhen(text: string, now: Date, zone: string): WhenResult {
  if (!isTimeZone(zone)) throw new UserError('error.badTimezone', { value: shown(zone, 40) });
  const value = shown(text, 80);
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const unparseable = () => new UserError('error.when.unparseable', { value });
  if (normalized === '') throw unparseable();
  const nowLocal = DateTime.fromJSDate(now, { zone });

  const relative = parseRelative(normalized);
  if (relative !== undefined) {
    return checkedFuture(DateTime.fromMillis(now.getTime() + relative, { zone }).startOf('minute'), now, value);
  }

  const impossible = findImpossibleDate(normalized);
  if (impossible !== undefined) throw new UserError('error.when.impossibleDate', { date: impossible });

  const modifier = takeWeekModifier(normalized);
  const pieces = readPieces(rewriteJapanese(modifier?.text ?? normalized, nowLocal), now, nowLocal.offset);
  if (!pieces) throw unparseable();
  if (pieces.leftover) throw new UserError('error.when.halfUnderstood', { value, leftover: pieces.leftover });
  const { date: dateSource, time: timeSource } = pieces;
  // The zone comes from the channel or timezone:, never from inside the phrase ("8pm EST").
  if (timeSource?.isCertain('timezoneOffset') || dateSource?.isCertain('timezoneOffset')) throw new UserError('error.when.zoneInText', { value });
  if (namesNoDay(normalized, modifier, pieces)) throw new UserError('error.when.needDay', { value });
  if (!timeSource) throw new UserError('error.when.needTime', { value, example: `${normalized} 20:00` });

  const hour = timeSource.get('hour') ?? 0;
  const minute = timeSource.get('minute') ?? 0;
  const at = (day: DateTime) => atLocal(day, hour, minute, zone);
  const isAhead = (day: DateTime) => at(day).at.toMillis() > now.getTime();
  const example = (day: DateTime) => `${day.toISODate()} ${pad(hour)}:${pad(minute)}`;

  let day: DateTime;
  if (dateSource?.isCertain('day')) {
    day = explicitDate(dateSource, nowLocal);
    const weekday = dateSource.isCertain('weekday') ? isoWeekday(dateSource.get('weekday')) : undefined;
    if (weekday !== undefined && weekday !== day.weekday) {
      throw new UserError('error.when.weekdayMismatch', { value, date: day.toISODate() ?? '', weekday: weekdayName(day.weekday), example: example(day) });
    }
  } else if (dateSource?.isCertain('weekday')) {
    day = dateForWeekday(nowLocal, isoWeekday(dateSource.get('weekday')), modifier?.modifier, isAhead);
  } else {
    if (modifier) throw halfUnderstood(value, modifier);
    // A time alone is the next time the clock shows it: today, or tomorrow if it has passed.
    day = nowLocal.startOf('day');
    if (!isAhead(day)) day = day.plus({ days: 1 });
  }

  const { at: local, exact } = at(day);
  if (!local.isValid) throw new UserError('error.when.impossibleDate', { date: `${day.year}-${pad(day.month)}-${pad(day.day)}` });
  if (!exact) {
    // A time inside a spring-forward gap: rather than move it, we ask.
    throw new UserError('error.when.skippedTime', { time: `${pad(hour)}:${pad(minute)}`, date: day.toISODate() ?? '', zone, example: `${day.toISODate()} ${pad((hour + 1) % 24)}:${pad(minute)}` });
  }
  return checkedFuture(local, now, value);
}

/** "2026-12-04 (Fri) 20:00 Asia/Tokyo" (weekday in the reader's language). */
export function formatWhen(at: Date, zone: string, lang: 'ja' | 'en'): string {
  return formatLocal(at, zone, lang);
}

// chrono-node's full ESM entry is ≈270 modules (every locale); only English and Japanese are
// read, and only when someone schedules something, so their two locale builds are required
// on the first parse instead of at start-up (`yomikai ask "/model X3D"` never parses a time).
const requireModule = createRequire(import.meta.url);
let parsers: readonly chrono.Chrono[] | undefined;
function casualParsers(): readonly chrono.Chrono[] {
  parsers ??= [(requireModule('chrono-node/en') as typeof chrono.en).casual, (requireModule('chrono-node/ja') as typeof chrono.ja).casual];
  return parsers;
}

interface Pieces {
  date?: chrono.ParsedComponents;
  time?: chrono.ParsedComponents;
  leftover: string;
}

/**
 * The date part and the time part chrono found, read as English and as
 * Japanese; the reading that leaves fewer words unread wins, so mixed input
 * ("金曜 8pm") works. Two pieces are joined when one is only a date and the
 * other only a time ("next Friday, 20:00"); more is refused as half understood.
 */
function readPieces(text: string, now: Date, offsetMinutes: number): Pieces | undefined {
  let best: Pieces | undefined;
  for (const parser of casualParsers()) {
    const results = parser.parse(text, { instant: now, timezone: offsetMinutes }, { forwardDate: true });
    if (results.length === 0) continue;
    const pieces = combine(text, results);
    if (!best || pieces.leftover.length < best.leftover.length) best = pieces;
  }
  return best;
}

function combine(text: string, results: chrono.ParsedResult[]): Pieces {
  const leftover = leftoverWords(text, results.map((r) => ({ index: r.index, length: r.text.length })));
  const hasDate = (r: chrono.ParsedResult) => r.start.isCertain('day') || r.start.isCertain('weekday');
  const hasTime = (r: chrono.ParsedResult) => r.start.isCertain('hour');
  const [first, second] = results;
  if (results.length === 1 && first) {
    return { date: hasDate(first) ? first.start : undefined, time: hasTime(first) ? first.start : undefined, leftover };
  }
  if (results.length === 2 && first && second) {
    const dateOnly = [first, second].find((r) => hasDate(r) && !hasTime(r));
    const timeOnly = [first, second].find((r) => hasTime(r) && !hasDate(r));
    if (dateOnly && timeOnly) return { date: dateOnly.start, time: timeOnly.start, leftover };
  }
  // Several dates or several times: which one is meant is a guess we do not make.
  return { leftover: leftover || results.slice(1).map((r) => r.text.trim()).join(' ') };
}

/** A written date; without a year, the next time it comes round (today included). */
function explicitDate(source: chrono.ParsedComponents, nowLocal: DateTime): DateTime {
  const month = source.get('month') ?? 0;
  const day = source.get('day') ?? 0;
  const year = source.isCertain('year') ? (source.get('year') ?? nowLocal.year) : nowLocal.year;
  const candidate = DateTime.fromObject({ year, month, day }, { zone: nowLocal.zone });
  if (!source.isCertain('year') && candidate.isValid && candidate < nowLocal.startOf('day')) {
    return DateTime.fromObject({ year: year + 1, month, day }, { zone: nowLocal.zone });
  }
  if (!candidate.isValid) throw new UserError('error.when.impossibleDate', { date: `${year}-${pad(month)}-${pad(day)}` });
  return candidate;
}

function checkedFuture(local: DateTime, now: Date, value: string): WhenResult {
  const zone = local.zoneName ?? 'UTC';
  if (local.toMillis() <= now.getTime()) {
    throw new UserError('error.when.past', { value, time: `${local.toISODate()} ${local.toFormat('HH:mm')} ${zone}` });
  }
  return { at: local.toJSDate(), localDate: local.toISODate() ?? '', localTime: local.toFormat('HH:mm'), zone };
}

/**
 * "next month 20:00", "next week 20:00": chrono fills in a day nobody named
 * (the same weekday a week on, the same date a month on). A week, month or
 * year without a weekday or date is not a session time.
 */
function namesNoDay(text: string, modifier: ModifierFound | undefined, pieces: Pieces): boolean {
  if (!modifier && /\b(?:next|this|last)\s+(?:week|month|year)\b/i.test(text)) return true;
  return [pieces.date, pieces.time].some(
    (c) => c !== undefined && !c.isCertain('day') && !c.isCertain('weekday') && (c.isCertain('month') || c.isCertain('year')),
  );
}

function halfUnderstood(value: string, modifier: ModifierFound): UserError {
  return new UserError('error.when.halfUnderstood', { value, leftover: modifier.words });
}

/** chrono counts Sunday as 0; ISO (and luxon) as 7. */
function isoWeekday(chronoWeekday: number | null): number {
  return chronoWeekday === 0 || chronoWeekday === null ? 7 : chronoWeekday;
}

const WEEKDAYS = ['Mon (月)', 'Tue (火)', 'Wed (水)', 'Thu (木)', 'Fri (金)', 'Sat (土)', 'Sun (日)'];

/** "Fri (金)": one word both languages' messages can carry. */
export function weekdayName(isoDay: number): string {
  return WEEKDAYS[isoDay - 1] ?? String(isoDay);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
