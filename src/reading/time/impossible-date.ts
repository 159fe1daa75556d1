import { DateTime } from 'luxon';

/**
 * chrono-node quietly drops a date that does not exist ("31 Feb" is simply not
 * matched, so "31 Feb 20:00" would become "today 20:00"). Before parsing we
 * look for the date shapes people write and report one whose day is not in
 * its month, so the user hears "not a real date" instead of a wrong guess.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';

interface DateShape {
  pattern: RegExp;
  read(match: RegExpExecArray): { year?: number; month: number; day: number };
}

const SHAPES: DateShape[] = [
  // 2026-02-30, 2026/2/30, 2026.02.30
  { pattern: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  // 2027年2月30日, 2月30日
  { pattern: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, read: (m) => ({ year: m[1] ? Number(m[1]) : undefined, month: Number(m[2]), day: Number(m[3]) }) },
  // 2/30 (month first, as chrono and Japanese writing read it) — not part of a longer y/m/d
  { pattern: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g, read: (m) => ({ month: Number(m[1]), day: Number(m[2]) }) },
  // 31 Feb, 31st of February 2027
  { pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?:,?\\s+(\\d{4}))?`, 'gi'), read: (m) => ({ year: m[3] ? Number(m[3]) : undefined, month: monthNumber(m[2]), day: Number(m[1]) }) },
  // Feb 31, February 31st 2027
  { pattern: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:)(?:,?\\s+(\\d{4}))?`, 'gi'), read: (m) => ({ year: m[3] ? Number(m[3]) : undefined, month: monthNumber(m[1]), day: Number(m[2]) }) },
];

function monthNumber(word: string | undefined): number {
  return MONTHS[(word ?? '').toLowerCase().slice(0, 3)] ?? 0;
}

/** The first written date that cannot exist, as it was written; undefined when all are real. */
export function findImpossibleDate(text: string): string | undefined {
  for (const shape of SHAPES) {
    for (const match of text.matchAll(shape.pattern)) {
      const { year, month, day } = shape.read(match as RegExpExecArray);
      // Without a year, 29 February is possible (some year has it); chrono and
      // the caller settle which year is meant, and re-check the result.
      const check = DateTime.fromObject({ year: year ?? 2028, month, day });
      if (!check.isValid) return match[0].trim();
    }
  }
  return undefined;
}
