import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWhen, parseWhen } from '../../../src/reading/time/when.js';
import { UserError } from '../../../src/core/errors.js';

/**
 * Phrases → the instants they must give, relative to a fixed "now" in each
 * zone. The expected instants are written in UTC on purpose: they are what
 * was worked out by hand from a calendar, not recomputed by the code under test.
 */
interface Row {
  phrase: string;
  expected: string;
}
interface Table {
  name: string;
  zone: string;
  now: string;
  rows: Row[];
}

const TABLES: Table[] = [
  {
    name: 'Tokyo, Wednesday 2026-12-02 12:00',
    zone: 'Asia/Tokyo',
    now: '2026-12-02T03:00:00Z',
    rows: [
      { phrase: 'next Friday 20:00', expected: '2026-12-11T11:00:00Z' }, // next WEEK's Friday
      { phrase: 'next Fri 8pm', expected: '2026-12-11T11:00:00Z' },
      { phrase: 'Friday next week 20:00', expected: '2026-12-11T11:00:00Z' },
      { phrase: 'this Friday 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'Friday 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'coming Friday 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'tomorrow 19:30', expected: '2026-12-03T10:30:00Z' },
      { phrase: '2026-12-04 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'Dec 4 8pm', expected: '2026-12-04T11:00:00Z' },
      { phrase: '12/4 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'in 2 hours', expected: '2026-12-02T05:00:00Z' },
      { phrase: 'next Wednesday 13:00', expected: '2026-12-09T04:00:00Z' },
      { phrase: '明日の19時半', expected: '2026-12-03T10:30:00Z' },
      { phrase: '明日 19:30', expected: '2026-12-03T10:30:00Z' },
      { phrase: '金曜 20時', expected: '2026-12-04T11:00:00Z' }, // bare weekday: the coming one
      { phrase: '金曜日の午後8時', expected: '2026-12-04T11:00:00Z' },
      { phrase: '金曜 午後8時半', expected: '2026-12-04T11:30:00Z' },
      { phrase: '次の金曜 20時', expected: '2026-12-04T11:00:00Z' },
      { phrase: '来週の金曜 20時', expected: '2026-12-11T11:00:00Z' },
      { phrase: '来週金曜 20時', expected: '2026-12-11T11:00:00Z' },
      { phrase: '再来週の金曜 20時', expected: '2026-12-18T11:00:00Z' },
      { phrase: '今週土曜 14:00', expected: '2026-12-05T05:00:00Z' },
      { phrase: '今週の月曜 20時', expected: 'past' },
      { phrase: '水曜 13:00', expected: '2026-12-02T04:00:00Z' }, // today, still ahead
      { phrase: '水曜 11:00', expected: '2026-12-09T02:00:00Z' }, // today's has passed: next week
      { phrase: '12月4日 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: '12月4日(金) 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: '１２月４日　２０：００', expected: '2026-12-04T11:00:00Z' }, // full-width, as IMEs type it
      { phrase: '午後8時', expected: '2026-12-02T11:00:00Z' },
      { phrase: '2時間後', expected: '2026-12-02T05:00:00Z' },
      { phrase: '1時間30分後', expected: '2026-12-02T04:30:00Z' },
      // Words chrono's Japanese side does not know, rewritten by ja-words.ts:
      { phrase: '明後日 20時', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'あさって20時', expected: '2026-12-04T11:00:00Z' },
      { phrase: '3日後 20時', expected: '2026-12-05T11:00:00Z' },
      { phrase: '金曜の夜8時', expected: '2026-12-04T11:00:00Z' },
      { phrase: '金曜の晩7時半', expected: '2026-12-04T10:30:00Z' },
      { phrase: '明日の朝9時', expected: '2026-12-03T00:00:00Z' },
      { phrase: '12月4日 正午', expected: '2026-12-04T03:00:00Z' },
      { phrase: '金曜の20時から', expected: '2026-12-04T11:00:00Z' },
      { phrase: '12月4日（金）20時', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'tonight 8pm', expected: '2026-12-02T11:00:00Z' },
      { phrase: 'on Friday at 8pm', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'Friday, 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'this coming Friday 20:00', expected: '2026-12-04T11:00:00Z' },
      { phrase: 'the week after next Friday 20:00', expected: '2026-12-18T11:00:00Z' },
      { phrase: 'in 3 days at 20:00', expected: '2026-12-05T11:00:00Z' },
    ],
  },
  {
    name: 'Tokyo, across the year: Wednesday 2026-12-30 21:00',
    zone: 'Asia/Tokyo',
    now: '2026-12-30T12:00:00Z',
    rows: [
      { phrase: '1月5日 20:00', expected: '2027-01-05T11:00:00Z' },
      { phrase: '明日の19時半', expected: '2026-12-31T10:30:00Z' },
      { phrase: '金曜 20時', expected: '2027-01-01T11:00:00Z' },
      { phrase: '来週の金曜 20時', expected: '2027-01-08T11:00:00Z' },
      { phrase: 'next Friday 20:00', expected: '2027-01-08T11:00:00Z' },
      { phrase: '12/31 20:00', expected: '2026-12-31T11:00:00Z' },
      { phrase: '1/2 10:00', expected: '2027-01-02T01:00:00Z' },
      { phrase: '20:00', expected: '2026-12-31T11:00:00Z' }, // 20:00 today has passed
      { phrase: '22:00', expected: '2026-12-30T13:00:00Z' },
      { phrase: '12月30日 20:00', expected: 'past' }, // today, earlier: refused, not moved to next year
      { phrase: '2027年1月5日 20時', expected: '2027-01-05T11:00:00Z' },
    ],
  },
  {
    name: 'Berlin, across a month: Saturday 2026-11-28 10:00',
    zone: 'Europe/Berlin',
    now: '2026-11-28T09:00:00Z',
    rows: [
      { phrase: 'next Friday 20:00', expected: '2026-12-04T19:00:00Z' }, // on a Saturday next week's Friday is the coming one
      { phrase: 'Friday 20:00', expected: '2026-12-04T19:00:00Z' },
      { phrase: 'this Friday 20:00', expected: 'past' },
      { phrase: 'Sunday 14:00', expected: '2026-11-29T13:00:00Z' },
      { phrase: 'next Sunday 14:00', expected: '2026-12-06T13:00:00Z' },
      { phrase: '今週土曜 14:00', expected: '2026-11-28T13:00:00Z' },
      { phrase: 'tomorrow 19:30', expected: '2026-11-29T18:30:00Z' },
      { phrase: '1 Dec 20:00', expected: '2026-12-01T19:00:00Z' },
      { phrase: '12月1日 20:00', expected: '2026-12-01T19:00:00Z' },
    ],
  },
  {
    name: 'Berlin, before clocks go forward (2027-03-28): Wednesday 2027-03-24 12:00 CET',
    zone: 'Europe/Berlin',
    now: '2027-03-24T11:00:00Z',
    rows: [
      { phrase: 'Saturday 20:00', expected: '2027-03-27T19:00:00Z' }, // still CET (+1)
      { phrase: 'Monday 20:00', expected: '2027-03-29T18:00:00Z' }, // CEST (+2): still 20:00 on the wall
      { phrase: 'next Friday 20:00', expected: '2027-04-02T18:00:00Z' },
      { phrase: '来週の金曜 20時', expected: '2027-04-02T18:00:00Z' },
      { phrase: '2027-03-28 20:00', expected: '2027-03-28T18:00:00Z' },
      { phrase: '3月28日 1:30', expected: '2027-03-28T00:30:00Z' },
      { phrase: '3月28日 3:30', expected: '2027-03-28T01:30:00Z' },
    ],
  },
  {
    name: 'New York, before clocks go forward (2027-03-14): Thursday 2027-03-11 12:00 EST',
    zone: 'America/New_York',
    now: '2027-03-11T17:00:00Z',
    rows: [
      { phrase: 'Saturday 8pm', expected: '2027-03-14T01:00:00Z' }, // EST (−5)
      { phrase: 'Monday 20:00', expected: '2027-03-16T00:00:00Z' }, // EDT (−4)
      { phrase: 'next Fri 8pm', expected: '2027-03-20T00:00:00Z' },
      { phrase: 'tomorrow 19:30', expected: '2027-03-13T00:30:00Z' },
      { phrase: '金曜 20時', expected: '2027-03-13T01:00:00Z' },
    ],
  },
  {
    name: 'New York, before clocks go back (2026-11-01): Thursday 2026-10-29 12:00 EDT',
    zone: 'America/New_York',
    now: '2026-10-29T16:00:00Z',
    rows: [
      { phrase: 'Monday 19:30', expected: '2026-11-03T00:30:00Z' }, // EST (−5)
      { phrase: 'Saturday 19:30', expected: '2026-10-31T23:30:00Z' }, // EDT (−4)
      { phrase: 'Sunday 19:30', expected: '2026-11-02T00:30:00Z' }, // EST (−5), the day clocks go back
      { phrase: 'next Tuesday 20:00', expected: '2026-11-04T01:00:00Z' },
      { phrase: '11月1日 1:30', expected: '2026-11-01T05:30:00Z' }, // the first 1:30 (EDT) of the repeated hour
    ],
  },
];

function run(table: Table, row: Row): string {
  try {
    return `${parseWhen(row.phrase, new Date(table.now), table.zone).at.toISOString().replace('.000Z', 'Z')}`;
  } catch (error) {
    if (error instanceof UserError && error.key === 'error.when.past') return 'past';
    throw error;
  }
}

describe('parseWhen table', () => {
  for (const table of TABLES) {
    describe(table.name, () => {
      it.each(table.rows)('$phrase → $expected', (row) => {
        expect(run(table, row)).toBe(row.expected);
      });
    });
  }
});

// chrono does its arithmetic in the process's own zone; the answers must not depend on it.
describe.each(['America/Los_Angeles', 'Asia/Kolkata', 'Europe/London'])('parseWhen table with the process in %s', (processZone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = processZone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it('gives the same instants', () => {
    expect(new Date('2026-07-01T00:00:00Z').getTimezoneOffset()).not.toBe(0);
    for (const table of TABLES) {
      for (const row of table.rows) expect(`${table.name}: ${row.phrase} → ${run(table, row)}`).toBe(`${table.name}: ${row.phrase} → ${row.expected}`);
    }
  });
});

describe('parseWhen result', () => {
  it('gives the local date and time in the zone it was read in', () => {
    const result = parseWhen('来週の金曜 20時', new Date('2027-03-24T11:00:00Z'), 'Europe/Berlin');
    expect(result).toEqual({ at: new Date('2027-04-02T18:00:00Z'), localDate: '2027-04-02', localTime: '20:00', zone: 'Europe/Berlin' });
  });

  it('rounds a relative time down to the minute', () => {
    const result = parseWhen('in 90 minutes', new Date('2026-12-02T03:00:41Z'), 'Asia/Tokyo');
    expect(result.at.toISOString()).toBe('2026-12-02T04:30:00.000Z');
    expect(result.localTime).toBe('13:30');
  });

  it('adds a span as elapsed time, also across a DST change', () => {
    // 01:30 EDT on the night clocks go back; two hours later the wall shows 02:30 EST.
    const result = parseWhen('in 2 hours', new Date('2026-11-01T05:30:00Z'), 'America/New_York');
    expect(result.at.toISOString()).toBe('2026-11-01T07:30:00.000Z');
    expect(result.localTime).toBe('02:30');
  });
});

describe('formatWhen', () => {
  it('shows date, weekday, 24-hour time and zone', () => {
    const at = new Date('2026-12-04T11:00:00Z');
    expect(formatWhen(at, 'Asia/Tokyo', 'en')).toBe('2026-12-04 (Fri) 20:00 Asia/Tokyo');
    expect(formatWhen(at, 'Asia/Tokyo', 'ja')).toBe('2026-12-04 (金) 20:00 Asia/Tokyo');
    expect(formatWhen(at, 'America/New_York', 'en')).toBe('2026-12-04 (Fri) 06:00 America/New_York');
  });
});
