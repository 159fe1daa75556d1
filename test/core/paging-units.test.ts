import { afterAll, describe, expect, it } from 'vitest';
import { run, testApp } from '../helpers/app.js';
import { ConsoleSession } from '../../src/adapters/console/session.js';
import { normalize } from '../../src/catalog/search/index.js';
import { splitWords } from '../../src/catalog/search/normalize.js';
import { PAGE_ID_MAX_UNITS, pageButtons, pagingQueryOverflow, parsePageButton } from '../../src/core/paging.js';
import { charLength, cleanText, utf16Length, withoutDecoration } from '../../src/core/text.js';
import { translator } from '../../src/i18n/index.js';

/**
 * "Count the units the platforms count" (issue 7, part 4): Discord measures a
 * custom id in UTF-16 units, so a query full of emoji must still give paging
 * buttons that fit and lead to the next page.
 */
const ROCKETS = '🚀'.repeat(40);
const app = testApp();
afterAll(() => app.close());

describe('lengths', () => {
  it('counts characters for options and UTF-16 units for ids', () => {
    expect(charLength(`${ROCKETS} net`)).toBe(44);
    expect(utf16Length(`${ROCKETS} net`)).toBe(84);
    expect(utf16Length('𠮷野家')).toBe(4);
    expect(charLength('👍🏽')).toBe(2); // a skin-toned thumb is two code points
  });
});

describe('withoutDecoration never changes what search sees', () => {
  it('keeps the key and the words of emoji-laden and plain queries', () => {
    const samples = [
      `${ROCKETS} net`, '🔥 NeRF 🔥', 'X3D 🇯🇵', '👩‍💻 efficient‍net', '1️⃣ R(2+1)D', 'セグ🍣メンテーション', '𠮷 🚀 野家', 'ａ🚀ｂ',
      'e\u200d\u0301', 'NeRF-- ™', '👍🏽 two-stream', '#️⃣ #3', 'tag\u{E0067}\u{E0062}', 'kinetics 🏃‍♀️‍➡️ 700',
    ];
    for (const sample of samples) {
      const query = cleanText(sample);
      expect(normalize(withoutDecoration(query)), sample).toBe(normalize(query));
      expect(splitWords(withoutDecoration(query)), sample).toEqual(splitWords(query));
    }
  });

  it('holds on random mixtures of letters, marks, spaces and emoji', () => {
    const alphabet = ['a', 'Z', '3', ' ', '-', '+', 'ー', 'せ', 'ｾ', '医', '𠮷', '\u0301', '\u200d', '\ufe0f', '🚀', '👍', '🏽', '🇯', '🇵', '™', '①', '#', '\u20e3', '\u00a0', '\u3000'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 2000; round++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
      const query = cleanText(raw);
      expect(normalize(withoutDecoration(query)), JSON.stringify(raw)).toBe(normalize(query));
      expect(splitWords(withoutDecoration(query)), JSON.stringify(raw)).toEqual(splitWords(query));
    }
  });
});

describe('paging ids', () => {
  const t = translator('en');
  const slice = (page: number, pages: number) => ({ items: [], page, pages });

  it('carry the query as typed when it fits, emoji included', () => {
    const [, next] = pageButtons({ command: 'search', query: '🚀 net' }, slice(1, 2), t, 'en');
    expect(next?.id).toBe('p2:search:2:en:🚀 net');
  });

  it('fit 100 UTF-16 units on every page of an emoji-heavy query, and still name the query', () => {
    for (const query of [`${ROCKETS} net`, `${ROCKETS} efficient ${ROCKETS.slice(0, 20)}`, `${'👩‍👩‍👧‍👦'.repeat(10)} nerf`]) {
      for (const [page, pages] of [[1, 2], [2, 3], [998, 9999]] as const) {
        for (const lang of ['en', 'ja'] as const) {
          for (const button of pageButtons({ command: 'dataset', query }, slice(page, pages), t, lang)) {
            expect(utf16Length(button.id), button.id).toBeLessThanOrEqual(PAGE_ID_MAX_UNITS);
            expect(normalize(parsePageButton(button.id)?.query ?? ''), button.id).toBe(normalize(query));
          }
        }
      }
    }
  });

  it('are refused at validation, in UTF-16 terms, only when no form of the query fits', () => {
    expect(pagingQueryOverflow('search', `${ROCKETS} net`)).toBeUndefined();
    expect(pagingQueryOverflow('search', 'a'.repeat(80))).toBeUndefined();
    expect(pagingQueryOverflow('search', '𠮷'.repeat(41))).toBeUndefined(); // 82 units: "p2:search:9999:ja:" + 82 = 100
    expect(pagingQueryOverflow('search', '𠮷'.repeat(42))).toEqual({ units: 84, max: 82 });
  });
});

describe('paged commands with emoji-heavy queries', () => {
  it('reach page 2 of /search through the Next button', async () => {
    const session = new ConsoleSession(app, 'en');
    const first = await session.handle(`/search ${ROCKETS} network ${'🚀'.repeat(5)}`);
    if (first.type !== 'result') throw new Error(first.type);
    expect(first.result.reply.footer).toBe('Page 1 of 2');
    const next = first.result.reply.buttons?.find((button) => button.id.startsWith('p2:search:2:'));
    expect(next?.disabled).toBe(false);
    expect(utf16Length(next?.id ?? '')).toBeLessThanOrEqual(PAGE_ID_MAX_UNITS);

    const second = await session.handle('2'); // the console presses the second button
    if (second.type !== 'result') throw new Error(second.type);
    expect(second.result.status).toBe('ok');
    expect(second.result.reply.footer).toBe('Page 2 of 2');
    const plain = await run(app, '/search network page:2');
    expect(second.result.reply.fields).toEqual(plain.reply.fields);
  });

  it('refuse a query whose page ids cannot fit, saying so in UTF-16 units, and never for plain text', async () => {
    const refused = await run(app, `/search ${'𠮷'.repeat(45)}`);
    expect(refused.status).toBe('user-error');
    expect(refused.reply.ephemeral).toBe(true);
    expect(refused.reply.text).toBe(
      'query is too long to page through: 90 UTF-16 units once emoji are set aside; at most 82 fit in a page button. Characters outside the Basic Multilingual Plane (rare kanji, some symbols) count as two.',
    );
    expect((await run(app, `/dataset ${'x'.repeat(80)}`)).reply.text).not.toMatch(/page through/);
    // Unpaged commands have no ids to fit.
    expect((await run(app, `/model ${'𠮷'.repeat(45)}`)).reply.text).not.toMatch(/page through/);
  });
});
