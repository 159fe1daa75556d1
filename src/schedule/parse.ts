import { UserError } from '../core/errors.js';
import { closestNames } from '../core/closest.js';

/**
 * What people type for "when" and "how often", turned into numbers — or a
 * UserError that shows an example of a good value. Full-width digits and
 * colons (９：００) are accepted, since Japanese IMEs produce them.
 */

export interface ClockTime {
  hour: number;
  minute: number;
}

/** "09:00", "9:00", "21:30", "9am", "9:30 pm", "9時", "21時30分", "９：００". */
export function parseClockTime(raw: string): ClockTime {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  const fail = () => new UserError('error.badTime', { value: raw.trim().slice(0, 40) });
  let match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), fail);
  match = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(text);
  if (match) {
    const hour12 = Number(match[1]);
    if (hour12 < 1 || hour12 > 12) throw fail();
    const hour = (hour12 % 12) + (match[3] === 'pm' ? 12 : 0);
    return checked(hour, Number(match[2] ?? 0), fail);
  }
  match = /^(午前|午後)?(\d{1,2})時(?:(\d{1,2})分|(半))?$/.exec(text);
  if (match) {
    let hour = Number(match[2]);
    if (match[1]) {
      if (hour > 12) throw fail();
      hour = (hour % 12) + (match[1] === '午後' ? 12 : 0);
    }
    return checked(hour, match[4] ? 30 : Number(match[3] ?? 0), fail);
  }
  throw fail();
}

function checked(hour: number, minute: number, fail: () => Error): ClockTime {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || minute < 0 || minute > 59) throw fail();
  return { hour, minute };
}

export function formatClockTime(time: ClockTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
  月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6, 日: 7,
  月曜: 1, 火曜: 2, 水曜: 3, 木曜: 4, 金曜: 5, 土曜: 6, 日曜: 7,
  月曜日: 1, 火曜日: 2, 水曜日: 3, 木曜日: 4, 金曜日: 5, 土曜日: 6, 日曜日: 7,
};

const DAY_SETS: Record<string, number[]> = {
  daily: [1, 2, 3, 4, 5, 6, 7], everyday: [1, 2, 3, 4, 5, 6, 7], 毎日: [1, 2, 3, 4, 5, 6, 7],
  weekdays: [1, 2, 3, 4, 5], 平日: [1, 2, 3, 4, 5],
  weekends: [6, 7], 週末: [6, 7], 土日: [6, 7],
};

/** "daily", "weekdays", "weekends", "mon,wed,fri", "月,水,金", "mon-fri". */
export function parseDays(raw: string): Set<number> {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  const preset = DAY_SETS[text];
  if (preset) return new Set(preset);
  const days = new Set<number>();
  for (const part of text.split(/[,、・/]+/).filter(Boolean)) {
    const range = /^(.+?)[-〜~](.+)$/.exec(part);
    if (range) {
      const from = dayNumber(range[1] ?? '', raw);
      const to = dayNumber(range[2] ?? '', raw);
      for (let day = from; ; day = (day % 7) + 1) {
        days.add(day);
        if (day === to) break;
      }
    } else {
      days.add(dayNumber(part, raw));
    }
  }
  if (days.size === 0) throw new UserError('error.badDays', { value: raw.trim().slice(0, 40) });
  return days;
}

function dayNumber(word: string, raw: string): number {
  const day = DAY_NAMES[word];
  if (day !== undefined) return day;
  const suggestions = closestNames(word, [...Object.keys(DAY_NAMES).filter((n) => /^[a-z]/.test(n)), ...Object.keys(DAY_SETS).filter((n) => /^[a-z]/.test(n))]);
  throw new UserError('error.badDays', { value: raw.trim().slice(0, 40) }, suggestions);
}

/** The days back in the form `days:` accepts, for showing a stored schedule. */
export function formatDays(days: ReadonlySet<number>): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 7) return 'daily';
  if (sorted.join() === '1,2,3,4,5') return 'weekdays';
  if (sorted.join() === '6,7') return 'weekends';
  const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return sorted.map((day) => names[day - 1]).join(',');
}

/** Bounds for reveal_after: long enough to answer, at most a week. */
export const MIN_REVEAL_MINUTES = 5;
export const MAX_REVEAL_MINUTES = 7 * 24 * 60;

/** "12h", "90m", "1h30m", "2d", "12時間", "30分" → minutes. */
export function parseDurationMinutes(raw: string): number {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  const fail = () => new UserError('error.badDuration', { value: raw.trim().slice(0, 40) });
  const match = /^(?:(\d{1,3})(?:d|days?|日))?(?:(\d{1,3})(?:h|hours?|hrs?|時間))?(?:(\d{1,4})(?:m|min|mins|minutes?|分))?$/.exec(text);
  if (!match || text === '') throw fail();
  const minutes = Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  if (minutes < MIN_REVEAL_MINUTES || minutes > MAX_REVEAL_MINUTES) throw fail();
  return minutes;
}

export function formatDuration(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].join('') || '0m';
}
