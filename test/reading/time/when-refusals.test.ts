import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/reading/time/when.js';
import { UserError } from '../../../src/core/errors.js';
import { translator } from '../../../src/i18n/index.js';
import type { MessageKey } from '../../../src/i18n/index.js';

const NOW = new Date('2026-12-02T03:00:00Z'); // Wednesday 12:00 in Tokyo

function refusal(phrase: string, zone = 'Asia/Tokyo', now = NOW): UserError {
  try {
    const result = parseWhen(phrase, now, zone);
    throw new Error(`"${phrase}" was accepted as ${result.at.toISOString()}`);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

const CASES: Array<{ phrase: string; key: MessageKey; zone?: string; params?: Record<string, string> }> = [
  { phrase: '', key: 'error.when.unparseable' },
  { phrase: 'someday soon', key: 'error.when.unparseable' },
  { phrase: 'いつか', key: 'error.when.unparseable' },
  { phrase: '来週', key: 'error.when.unparseable' },
  { phrase: 'yesterday 20:00', key: 'error.when.past', params: { time: '2026-12-01 20:00 Asia/Tokyo' } },
  { phrase: '2026-12-01 20:00', key: 'error.when.past' },
  { phrase: 'today 9:00', key: 'error.when.past' },
  { phrase: '2025年12月4日 20時', key: 'error.when.past' },
  { phrase: '31 Feb 20:00', key: 'error.when.impossibleDate', params: { date: '31 Feb' } },
  { phrase: 'Feb 30 8pm', key: 'error.when.impossibleDate' },
  { phrase: '2月30日 20時', key: 'error.when.impossibleDate', params: { date: '2月30日' } },
  { phrase: '2027-02-29 20:00', key: 'error.when.impossibleDate' },
  { phrase: '2027年2月29日 20時', key: 'error.when.impossibleDate' },
  { phrase: '4/31 20:00', key: 'error.when.impossibleDate' },
  { phrase: '13月1日 20時', key: 'error.when.impossibleDate' },
  { phrase: 'next Friday at the cafe 20:00', key: 'error.when.halfUnderstood', params: { leftover: 'cafe' } },
  { phrase: '金曜 20時 駅前のカフェ', key: 'error.when.halfUnderstood' },
  { phrase: 'Friday 20:00 and Saturday 21:00', key: 'error.when.halfUnderstood' },
  { phrase: 'the 4th at 20:00', key: 'error.when.halfUnderstood' },
  { phrase: 'tomorrow', key: 'error.when.needTime', params: { example: 'tomorrow 20:00' } },
  { phrase: 'next Friday', key: 'error.when.needTime' },
  { phrase: '12月4日', key: 'error.when.needTime' },
  { phrase: '来週の金曜', key: 'error.when.needTime' },
  { phrase: '12月4日(木) 20:00', key: 'error.when.weekdayMismatch', params: { weekday: 'Fri (金)', example: '2026-12-04 20:00' } },
  { phrase: 'Thursday Dec 4 20:00', key: 'error.when.weekdayMismatch' },
  { phrase: '2027-03-28 02:30', key: 'error.when.skippedTime', zone: 'Europe/Berlin', params: { example: '2027-03-28 03:30' } },
  { phrase: '20:00', key: 'error.badTimezone', zone: 'Asia/Tokio' },
  { phrase: 'Friday 8pm EST', key: 'error.when.zoneInText' },
  { phrase: '2026-12-04T20:00+09:00', key: 'error.when.zoneInText' },
  { phrase: 'next month 20:00', key: 'error.when.needDay' },
  { phrase: 'next week 20:00', key: 'error.when.needDay' },
  { phrase: '来週 20時', key: 'error.when.halfUnderstood', params: { leftover: '来週' } },
  { phrase: 'next Friday 25:00', key: 'error.when.halfUnderstood' },
  { phrase: 'next Friday 8', key: 'error.when.halfUnderstood' },
];

describe('parseWhen refusals', () => {
  it.each(CASES)('"$phrase" → $key', ({ phrase, key, zone, params }) => {
    const error = refusal(phrase, zone);
    expect(error.key).toBe(key);
    if (params) expect(error.params).toMatchObject(params);
  });

  it('words every refusal in both languages with a good phrase to copy', () => {
    for (const { phrase, zone } of CASES) {
      const error = refusal(phrase, zone);
      for (const lang of ['en', 'ja'] as const) {
        const text = (translator(lang) as (key: string, params: object) => string)(error.key, error.params);
        expect(text, `${lang}: ${text}`).not.toMatch(/\{\w+\}/);
        if (error.key.startsWith('error.when.')) expect(text, `${lang}: ${text}`).toMatch(/when:"[^"]+"/);
      }
    }
  });

  it('shows what was asked, shortened, never more than 80 characters of it', () => {
    const long = `next Friday at ${'the big hall '.repeat(20)}20:00`;
    const error = refusal(long);
    expect(error.key).toBe('error.when.halfUnderstood');
    expect(Array.from(String((error.params as { value: string }).value)).length).toBeLessThanOrEqual(80);
    const twoLines = refusal('next Friday\nat the cafe 20:00');
    expect((twoLines.params as { value: string }).value).toBe('next Friday at the cafe 20:00');
    const emoji = refusal(`${'🎉'.repeat(100)} 20:00`);
    expect(String((emoji.params as { value: string }).value)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('the examples it gives are themselves accepted', () => {
    const needTime = refusal('tomorrow');
    expect(parseWhen(String((needTime.params as { example: string }).example), NOW, 'Asia/Tokyo').localTime).toBe('20:00');
    const gap = refusal('2027-03-28 02:30', 'Europe/Berlin', new Date('2027-03-24T11:00:00Z'));
    const example = String((gap.params as { example: string }).example);
    expect(parseWhen(example, new Date('2027-03-24T11:00:00Z'), 'Europe/Berlin').localTime).toBe('03:30');
  });
});
