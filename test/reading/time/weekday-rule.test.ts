import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { parseWhen } from '../../../src/reading/time/when.js';
import { takeWeekModifier } from '../../../src/reading/time/weekday-words.js';

/**
 * The meaning of "Friday", "this Friday", "next Friday" said on each day of
 * one week (Mon 2026-11-30 … Sun 2026-12-06, at 12:00 in Tokyo), worked out
 * by hand from the rule in weekday-rule.ts. The English and Japanese phrases
 * in each column must agree.
 */
const COLUMNS = {
  bare: ['Friday 20:00', '金曜 20時', '次の金曜 20時', 'coming Friday 20:00'],
  this: ['this Friday 20:00', '今週の金曜 20時', '今週金曜 20:00'],
  next: ['next Friday 20:00', '来週の金曜 20時', 'Friday next week 20:00', 'next week Friday 20:00'],
  afterNext: ['the week after next Friday 20:00', '再来週の金曜 20時'],
} as const;

const WEEK: Array<{ now: string; day: string } & Record<keyof typeof COLUMNS, string>> = [
  { day: 'Mon', now: '2026-11-30T03:00:00Z', bare: '2026-12-04', this: '2026-12-04', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Tue', now: '2026-12-01T03:00:00Z', bare: '2026-12-04', this: '2026-12-04', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Wed', now: '2026-12-02T03:00:00Z', bare: '2026-12-04', this: '2026-12-04', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Thu', now: '2026-12-03T03:00:00Z', bare: '2026-12-04', this: '2026-12-04', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Fri 12:00', now: '2026-12-04T03:00:00Z', bare: '2026-12-04', this: '2026-12-04', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Fri 21:00', now: '2026-12-04T12:00:00Z', bare: '2026-12-11', this: 'past', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Sat', now: '2026-12-05T03:00:00Z', bare: '2026-12-11', this: 'past', next: '2026-12-11', afterNext: '2026-12-18' },
  { day: 'Sun', now: '2026-12-06T03:00:00Z', bare: '2026-12-11', this: 'past', next: '2026-12-11', afterNext: '2026-12-18' },
];

function dateOf(phrase: string, now: string): string {
  try {
    return parseWhen(phrase, new Date(now), 'Asia/Tokyo').localDate;
  } catch (error) {
    if (error instanceof UserError && error.key === 'error.when.past') return 'past';
    throw error;
  }
}

describe('which Friday a phrase means, said on each day of the week', () => {
  for (const row of WEEK) {
    for (const [column, phrases] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, readonly string[]]>) {
      it(`${row.day}: ${column} → ${row[column]}`, () => {
        for (const phrase of phrases) expect(`${phrase} → ${dateOf(phrase, row.now)}`).toBe(`${phrase} → ${row[column]}`);
      });
    }
  }
});

describe('takeWeekModifier', () => {
  it('blanks the words it takes, keeping every other position', () => {
    const found = takeWeekModifier('来週の金曜 20時');
    expect(found).toMatchObject({ modifier: 'next', words: '来週の' });
    expect(found?.text).toBe('   金曜 20時');
    expect(takeWeekModifier('next Fri 8pm')?.text).toBe('     Fri 8pm');
  });

  it('leaves words that do not name a weekday’s week alone', () => {
    expect(takeWeekModifier('next month 20:00')).toBeUndefined();
    expect(takeWeekModifier('来週 20時')).toBeUndefined();
    expect(takeWeekModifier('nextFriday 20:00')).toBeUndefined();
    expect(takeWeekModifier('this Fridays 20:00')).toBeUndefined();
  });
});
