import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { formatRepeat, MAX_REPEAT_COUNT, occurrences, parseRepeat, validateRepeat, type Repeat } from '../../../src/reading/time/repeat.js';

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace('.000Z', 'Z'));

describe('parseRepeat', () => {
  it.each<[string, Repeat]>([
    ['weekly', { every: 'weekly' }],
    ['Weekly', { every: 'weekly' }],
    ['毎週', { every: 'weekly' }],
    ['biweekly', { every: 'biweekly' }],
    ['every other week', { every: 'biweekly' }],
    ['隔週', { every: 'biweekly' }],
    ['monthly', { every: 'monthly' }],
    ['毎月', { every: 'monthly' }],
    ['mon,thu', { every: 'days', days: [1, 4] }],
    ['thu, mon', { every: 'days', days: [1, 4] }],
    ['月,木', { every: 'days', days: [1, 4] }],
    ['weekdays', { every: 'days', days: [1, 2, 3, 4, 5] }],
    ['weekly until 2027-03-31', { every: 'weekly', until: '2027-03-31' }],
    ['biweekly until 2027/3/31', { every: 'biweekly', until: '2027-03-31' }],
    ['隔週 2027年3月31日まで', { every: 'biweekly', until: '2027-03-31' }],
    ['weekly x10', { every: 'weekly', count: 10 }],
    ['weekly ×10', { every: 'weekly', count: 10 }],
    ['weekly count:10', { every: 'weekly', count: 10 }],
    ['weekly 10回', { every: 'weekly', count: 10 }],
    ['毎週 １０回', { every: 'weekly', count: 10 }],
    ['monthly 6 times', { every: 'monthly', count: 6 }],
    ['mon,thu until 2027-01-31', { every: 'days', days: [1, 4], until: '2027-01-31' }],
  ])('"%s"', (text, expected) => {
    expect(parseRepeat(text)).toEqual(expected);
  });

  it.each(['', 'sometimes', 'weekyl', 'weekly until 2027-02-30', 'weekly x0', `weekly x${MAX_REPEAT_COUNT + 1}`, 'weekly until 2027-03-31 x10', 'weekly x3 x4', 'until 2027-03-31'])(
    'refuses "%s" with an example',
    (text) => {
      const error = refusal(() => parseRepeat(text));
      expect(['error.repeat.bad', 'error.repeat.badEnd']).toContain(error.key);
    },
  );

  it('suggests the word that was meant', () => {
    expect(refusal(() => parseRepeat('weekyl')).suggestions).toContain('weekly');
  });

  it('formats back into words it reads', () => {
    for (const text of ['weekly', 'biweekly x6', 'monthly until 2027-12-31', 'mon,thu', 'weekdays x20']) {
      const repeat = parseRepeat(text);
      expect(formatRepeat(repeat)).toBe(text);
      expect(parseRepeat(formatRepeat(repeat))).toEqual(repeat);
    }
  });
});

describe('validateRepeat', () => {
  const start = new Date('2027-03-05T19:00:00Z'); // Friday 20:00 in Berlin

  it('refuses an end before the start', () => {
    const error = refusal(() => validateRepeat(start, 'Europe/Berlin', { every: 'weekly', until: '2027-03-04' }));
    expect(error.key).toBe('error.repeat.endBeforeStart');
    expect(error.params).toMatchObject({ until: '2027-03-04', start: '2027-03-05', example: '2027-06-05' });
  });

  it('accepts an end on the start day (a single session)', () => {
    expect(() => validateRepeat(start, 'Europe/Berlin', { every: 'weekly', until: '2027-03-05' })).not.toThrow();
    expect(occurrences(start, 'Europe/Berlin', { every: 'weekly', until: '2027-03-05' }, { limit: 10 })).toEqual([start]);
  });

  it('compares the end with the start date in the session zone, not in UTC', () => {
    // 2027-03-06 08:00 in Tokyo is still 2027-03-05 in UTC.
    const tokyo = new Date('2027-03-05T23:00:00Z');
    expect(refusal(() => validateRepeat(tokyo, 'Asia/Tokyo', { every: 'weekly', until: '2027-03-05' })).key).toBe('error.repeat.endBeforeStart');
  });

  it('refuses a day list that does not include the first session', () => {
    const error = refusal(() => validateRepeat(start, 'Europe/Berlin', { every: 'days', days: [1, 4] }));
    expect(error.key).toBe('error.repeat.startNotInDays');
    expect(error.params).toMatchObject({ weekday: 'Fri (金)', days: 'mon,thu', example: 'mon,thu,fri' });
    expect(() => validateRepeat(start, 'Europe/Berlin', parseRepeat('mon,thu,fri'))).not.toThrow();
  });

  it('accepts no repeat at all', () => {
    expect(() => validateRepeat(start, 'Europe/Berlin', undefined)).not.toThrow();
  });
});

describe('occurrences', () => {
  it('keeps 20:00 in Berlin across the spring DST change', () => {
    const start = new Date('2027-03-19T19:00:00Z'); // Fri 20:00 CET
    expect(iso(occurrences(start, 'Europe/Berlin', { every: 'weekly' }, { limit: 3 }))).toEqual([
      '2027-03-19T19:00:00Z',
      '2027-03-26T19:00:00Z',
      '2027-04-02T18:00:00Z', // CEST
    ]);
  });

  it('keeps 19:30 in New York across the autumn DST change, biweekly', () => {
    const start = new Date('2026-10-24T23:30:00Z'); // Sat 19:30 EDT
    expect(iso(occurrences(start, 'America/New_York', { every: 'biweekly' }, { limit: 3 }))).toEqual([
      '2026-10-24T23:30:00Z',
      '2026-11-08T00:30:00Z', // Sat 11-07 19:30 EST
      '2026-11-22T00:30:00Z',
    ]);
  });

  it('repeats monthly on the same day and skips months without it', () => {
    const start = new Date('2027-01-31T11:00:00Z'); // 20:00 in Tokyo on the 31st
    expect(iso(occurrences(start, 'Asia/Tokyo', { every: 'monthly' }, { limit: 4 }))).toEqual([
      '2027-01-31T11:00:00Z',
      '2027-03-31T11:00:00Z',
      '2027-05-31T11:00:00Z',
      '2027-07-31T11:00:00Z',
    ]);
  });

  it('repeats on listed weekdays, across a month and year boundary', () => {
    const start = new Date('2026-12-28T11:00:00Z'); // Mon 20:00 Tokyo
    expect(iso(occurrences(start, 'Asia/Tokyo', { every: 'days', days: [1, 4] }, { limit: 4 }))).toEqual([
      '2026-12-28T11:00:00Z',
      '2026-12-31T11:00:00Z',
      '2027-01-04T11:00:00Z',
      '2027-01-07T11:00:00Z',
    ]);
  });

  it('stops at the until date, inclusive, in local dates', () => {
    const start = new Date('2026-12-04T11:00:00Z'); // Fri 20:00 Tokyo
    expect(iso(occurrences(start, 'Asia/Tokyo', { every: 'weekly', until: '2026-12-18' }, { limit: 10 }))).toEqual([
      '2026-12-04T11:00:00Z',
      '2026-12-11T11:00:00Z',
      '2026-12-18T11:00:00Z',
    ]);
  });

  it('counts from the start, also when asking only for later ones', () => {
    const start = new Date('2026-12-04T11:00:00Z');
    const all = occurrences(start, 'Asia/Tokyo', { every: 'weekly', count: 3 }, { limit: 10 });
    expect(all).toHaveLength(3);
    const later = occurrences(start, 'Asia/Tokyo', { every: 'weekly', count: 3 }, { after: start, limit: 10 });
    expect(iso(later)).toEqual(['2026-12-11T11:00:00Z', '2026-12-18T11:00:00Z']);
    expect(occurrences(start, 'Asia/Tokyo', { every: 'weekly', count: 3 }, { after: all[2], limit: 10 })).toEqual([]);
  });

  it('skipped months do not count toward count', () => {
    const start = new Date('2027-01-31T11:00:00Z');
    expect(occurrences(start, 'Asia/Tokyo', { every: 'monthly', count: 3 }, { limit: 10 }).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
  });

  it('gives instants strictly after `after`, up to the limit, far into a series', () => {
    const start = new Date('2026-12-04T11:00:00Z');
    const after = new Date('2030-06-01T00:00:00Z');
    expect(iso(occurrences(start, 'Asia/Tokyo', { every: 'weekly' }, { after, limit: 2 }))).toEqual(['2030-06-07T11:00:00Z', '2030-06-14T11:00:00Z']);
  });

  it('gives a one-off session once, and nothing after it', () => {
    const start = new Date('2026-12-04T11:00:00Z');
    expect(occurrences(start, 'Asia/Tokyo', undefined, { limit: 5 })).toEqual([start]);
    expect(occurrences(start, 'Asia/Tokyo', undefined, { after: start, limit: 5 })).toEqual([]);
    expect(occurrences(start, 'Asia/Tokyo', { every: 'weekly' }, { limit: 0 })).toEqual([]);
  });

  it('moves a session inside a spring-forward gap forward by the gap, once', () => {
    const start = new Date('2027-03-21T01:30:00Z'); // Sun 02:30 CET
    expect(iso(occurrences(start, 'Europe/Berlin', { every: 'weekly' }, { limit: 3 }))).toEqual([
      '2027-03-21T01:30:00Z',
      '2027-03-28T01:30:00Z', // 02:30 does not exist: 03:30 CEST
      '2027-04-04T00:30:00Z', // 02:30 CEST again
    ]);
  });
});
