import { DateTime } from 'luxon';
import { closestNames } from '../../core/closest.js';
import { UserError } from '../../core/errors.js';
import { formatDays, parseDays } from '../../schedule/parse.js';
import { atLocal } from './local.js';
import { shown } from './shown.js';
import { weekdayName } from './when.js';

/**
 * How a session repeats. `days` are ISO weekdays (1 = Monday … 7 = Sunday)
 * and only used with every: 'days'. A series ends at most one way: on a local
 * date (`until`, inclusive) or after `count` sessions counted from the first.
 */
export interface Repeat {
  every: 'weekly' | 'biweekly' | 'monthly' | 'days';
  days?: number[];
  /** YYYY-MM-DD in the session's zone; the last session is on or before it. */
  until?: string;
  count?: number;
}

/** Ten years of weekly sessions: beyond that a count is a typo. */
export const MAX_REPEAT_COUNT = 520;

const EVERY: Record<string, Repeat['every']> = {
  weekly: 'weekly', 'every week': 'weekly', 毎週: 'weekly',
  biweekly: 'biweekly', fortnightly: 'biweekly', 'every other week': 'biweekly', 'every 2 weeks': 'biweekly',
  隔週: 'biweekly', '2週間ごと': 'biweekly', '2週ごと': 'biweekly', '2週おき': 'biweekly',
  monthly: 'monthly', 'every month': 'monthly', 毎月: 'monthly',
};

const COUNT_END = /\s*(?:\b(?:x|count[:\s]?|for)\s*(\d+)(?:\s*times)?|×\s*(\d+)|(\d+)\s*(?:回|times))$/;
const UNTIL_END = /\s*(?:\b(?:until|till|through|thru|to|ending)\s+|[~〜]\s*)(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$|\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?\s*まで$/;

/**
 * "weekly", "biweekly", "monthly", "mon,thu" / "月,木" (any day list /quiz
 * takes), each optionally ended: "weekly until 2027-03-31", "weekly x10",
 * "weekly count:10", "毎週 10回", "隔週 2027-03-31まで".
 */
export function parseRepeat(text: string): Repeat {
  const value = shown(text, 60);
  let rest = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const badEnd = () => new UserError('error.repeat.badEnd', { value, max: MAX_REPEAT_COUNT });
  let count: number | undefined;
  let until: string | undefined;
  for (let ends = 0; ends < 2; ends++) {
    const countMatch = COUNT_END.exec(rest);
    if (countMatch) {
      if (count !== undefined) throw badEnd();
      count = Number(countMatch[1] ?? countMatch[2] ?? countMatch[3]);
      rest = rest.slice(0, countMatch.index).trim();
      continue;
    }
    const untilMatch = UNTIL_END.exec(rest);
    if (untilMatch) {
      if (until !== undefined) throw badEnd();
      const [y, m, d] = untilMatch[1] ? untilMatch.slice(1, 4) : untilMatch.slice(4, 7);
      const date = DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) });
      if (!date.isValid) throw badEnd();
      until = date.toISODate() ?? undefined;
      rest = rest.slice(0, untilMatch.index).trim();
    }
  }
  if (count !== undefined && until !== undefined) throw badEnd();
  if (count !== undefined && (count < 1 || count > MAX_REPEAT_COUNT)) throw badEnd();

  const bad = () => new UserError('error.repeat.bad', { value });
  if (rest === '') throw bad();
  const every = EVERY[rest];
  const ends = { ...(until !== undefined ? { until } : {}), ...(count !== undefined ? { count } : {}) };
  if (every) return { every, ...ends };
  let days: Set<number>;
  try {
    days = parseDays(rest);
  } catch (error) {
    if (error instanceof UserError) {
      const suggestions = [...closestNames(rest, ['weekly', 'biweekly', 'monthly']), ...error.suggestions];
      throw new UserError('error.repeat.bad', { value }, suggestions.slice(0, 3));
    }
    throw error;
  }
  return { every: 'days', days: [...days].sort((a, b) => a - b), ...ends };
}

/** The repeat back in the words parseRepeat takes: "weekly until 2027-03-31", "mon,thu x10". */
export function formatRepeat(repeat: Repeat): string {
  const base = repeat.every === 'days' ? formatDays(new Set(repeat.days ?? [])) : repeat.every;
  if (repeat.until) return `${base} until ${repeat.until}`;
  if (repeat.count) return `${base} x${repeat.count}`;
  return base;
}

/** Refuses a series that ends before it starts, or whose first session is not on one of its days. */
export function validateRepeat(start: Date, zone: string, repeat: Repeat | undefined): void {
  if (!repeat) return;
  const first = DateTime.fromJSDate(start, { zone });
  const startDate = first.toISODate() ?? '';
  if (repeat.until !== undefined && repeat.until < startDate) {
    const example = first.plus({ months: 3 }).toISODate() ?? '';
    throw new UserError('error.repeat.endBeforeStart', { until: repeat.until, start: startDate, example });
  }
  if (repeat.every === 'days') {
    const days = repeat.days ?? [];
    if (days.length === 0) throw new UserError('error.repeat.bad', { value: formatRepeat(repeat) });
    if (!days.includes(first.weekday)) {
      const example = formatRepeat({ ...repeat, days: [...days, first.weekday].sort((a, b) => a - b) });
      throw new UserError('error.repeat.startNotInDays', { weekday: weekdayName(first.weekday), days: formatDays(new Set(days)), example });
    }
  }
}

/** Enough to reach any end within MAX_REPEAT_COUNT sessions or a far `after`, and still finish. */
const MAX_STEPS = 100_000;

/**
 * The series' instants in order: the start, then each repeat at the same
 * LOCAL clock time in `zone` (weekly 20:00 in Berlin stays 20:00 across DST).
 * With `after`, only instants strictly after it; at most `limit` of them.
 *
 * Monthly repeats fall on the start's day of the month and skip months that
 * lack it (a series on the 31st has no session in April), as RFC 5545's
 * FREQ=MONTHLY does, so the bot and an exported calendar agree. A time that a
 * spring-forward gap skips moves forward by the gap for that one session.
 * `count` counts sessions from the start, whether or not they are after `after`.
 */
export function occurrences(start: Date, zone: string, repeat: Repeat | undefined, options: { after?: Date; limit: number }): Date[] {
  const after = options.after?.getTime() ?? Number.NEGATIVE_INFINITY;
  const found: Date[] = [];
  if (options.limit <= 0) return found;
  if (!repeat) return start.getTime() > after ? [start] : [];

  const first = DateTime.fromJSDate(start, { zone });
  let produced = 0;
  for (let step = 0; step < MAX_STEPS && found.length < options.limit; step++) {
    const day = dayOfStep(first, repeat, step);
    if (!day) continue;
    if (repeat.until !== undefined && (day.toISODate() ?? '') > repeat.until) break;
    produced++;
    if (repeat.count !== undefined && produced > repeat.count) break;
    const at = step === 0 ? start : atLocal(day, first.hour, first.minute, zone).at.toJSDate();
    if (at.getTime() > after) found.push(at);
  }
  return found;
}

/** The local date of the step-th candidate, or undefined when that step has no session. */
function dayOfStep(first: DateTime, repeat: Repeat, step: number): DateTime | undefined {
  const startDay = first.startOf('day');
  switch (repeat.every) {
    case 'weekly':
      return startDay.plus({ weeks: step });
    case 'biweekly':
      return startDay.plus({ weeks: 2 * step });
    case 'monthly': {
      const month = startDay.set({ day: 1 }).plus({ months: step });
      const day = DateTime.fromObject({ year: month.year, month: month.month, day: first.day }, { zone: first.zone });
      return day.isValid ? day : undefined;
    }
    case 'days': {
      const day = startDay.plus({ days: step });
      return step === 0 || (repeat.days ?? []).includes(day.weekday) ? day : undefined;
    }
  }
}
