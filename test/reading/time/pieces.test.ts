import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { findImpossibleDate } from '../../../src/reading/time/impossible-date.js';
import { leftoverWords } from '../../../src/reading/time/leftover.js';
import { atLocal } from '../../../src/reading/time/local.js';
import { rewriteJapanese } from '../../../src/reading/time/ja-words.js';
import { parseRelative } from '../../../src/reading/time/relative.js';

describe('findImpossibleDate', () => {
  it.each([
    ['31 Feb 20:00', '31 Feb'],
    ['February 30th, 2027', 'February 30th, 2027'],
    ['2月30日', '2月30日'],
    ['2027年2月29日 20時', '2027年2月29日'],
    ['2027-02-29', '2027-02-29'],
    ['2026/4/31 8pm', '2026/4/31'],
    ['4/31 20:00', '4/31'],
    ['13/1 20:00', '13/1'],
  ])('finds %s', (text, found) => {
    expect(findImpossibleDate(text)).toBe(found);
  });

  it.each(['29 Feb 20:00', '2028-02-29 20:00', '12/4 20:00', '2026-12-04 20:00', '12月4日 20:00', 'Dec 4 8pm', 'next Friday 20:00', 'May 20:00'])('accepts %s', (text) => {
    expect(findImpossibleDate(text)).toBeUndefined();
  });
});

describe('leftoverWords', () => {
  it('ignores connecting words and punctuation, keeps the rest', () => {
    const text = 'next Friday at the cafe 20:00';
    expect(leftoverWords(text, [{ index: 0, length: 11 }, { index: 24, length: 5 }])).toBe('cafe');
    expect(leftoverWords('on Friday, at 20:00', [{ index: 3, length: 6 }, { index: 14, length: 5 }])).toBe('');
    expect(leftoverWords('金曜の20時から', [{ index: 0, length: 2 }, { index: 3, length: 3 }])).toBe('');
    expect(leftoverWords('金曜 20時 駅前で', [{ index: 0, length: 6 }])).toBe('駅前で');
  });
});

describe('atLocal', () => {
  it('takes the first of a repeated hour and flags a skipped one', () => {
    const repeated = atLocal({ year: 2026, month: 11, day: 1 }, 1, 30, 'America/New_York');
    expect(repeated).toMatchObject({ exact: true });
    expect(repeated.at.toUTC().toISO()).toBe('2026-11-01T05:30:00.000Z');
    const skipped = atLocal({ year: 2027, month: 3, day: 28 }, 2, 30, 'Europe/Berlin');
    expect(skipped.exact).toBe(false);
    expect(atLocal({ year: 2027, month: 2, day: 30 }, 20, 0, 'Asia/Tokyo').at.isValid).toBe(false);
  });
});

describe('rewriteJapanese', () => {
  const today = DateTime.fromISO('2026-12-30T12:00:00', { zone: 'Asia/Tokyo' });
  it('turns day words into dates and evening hours into afternoon hours', () => {
    expect(rewriteJapanese('明後日 20時', today)).toBe('2027年1月1日 20時');
    expect(rewriteJapanese('しあさっての夜8時半', today)).toBe('2027年1月2日の20時半');
    expect(rewriteJapanese('3日後 夕方6時', today)).toBe('2027年1月2日 18時');
    expect(rewriteJapanese('夜12時', today)).toBe('夜12時');
  });
});

describe('parseRelative', () => {
  it.each<[string, number | undefined]>([
    ['in 2 hours', 120],
    ['in 90 minutes', 90],
    ['in 1 hour 30 minutes', 90],
    ['in an hour', 60],
    ['2時間後', 120],
    ['1時間30分後', 90],
    ['45分後', 45],
    ['in 3 days', undefined],
    ['in', undefined],
    ['後', undefined],
  ])('%s', (text, minutes) => {
    expect(parseRelative(text)).toBe(minutes === undefined ? undefined : minutes * 60_000);
  });
});
