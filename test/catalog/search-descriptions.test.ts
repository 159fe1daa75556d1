import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { KINDS_FOR } from '../../src/present/kinds.js';
import { textTerms } from '../../src/catalog/search/text-tokens.js';

/** Descriptive search on the real catalog (issue 16): what a student remembers, not the name. */
const catalog = loadCatalog('data/catalog');
const top3 = (query: string) => catalog.search.search(query, { limit: 3, descriptions: true }).map((hit) => hit.id);

describe('descriptions find entries', () => {
  it.each([
    // Rows of bench/descriptive-queries.ts (held-out; the engine was not changed for them).
    ['the NeRF with thousands of tiny MLPs', 'kilonerf'],
    ['finding lung nodules in CT scans', 'luna16'],
    ['深さ・幅・解像度を同時にスケールする', 'efficientnet'],
    ['胸部X線のデータセット', 'padchest'],
    // Cases of our own.
    ['pretrained 2D filters copied along the time axis', 'i3d'],
    ['小さなMLPをたくさん使って高速に描画', 'kilonerf'],
  ])('%s → %s in the top 3', (query, id) => {
    expect(top3(query)).toContain(id);
  });

  it('marks the hit as found through a description, ranked below every name match', () => {
    const hits = catalog.search.search('video transformer', { limit: 60, descriptions: true });
    const firstText = hits.findIndex((hit) => hit.how === 'text');
    expect(firstText).toBeGreaterThan(0);
    expect(hits.slice(firstText).every((hit) => hit.how === 'text')).toBe(true);
    expect(Math.max(...hits.slice(firstText).map((hit) => hit.score))).toBeLessThan(Math.min(...hits.slice(0, firstText).map((hit) => hit.score)));
  });

  it('leaves name lookups as they were unless descriptions are asked for', () => {
    expect(catalog.search.search('the NeRF with thousands of tiny MLPs')).toEqual([]);
    expect(catalog.search.best('thousands of tiny MLPs')?.how).not.toBe('text');
    expect(catalog.search.suggest('thousands of tiny MLPs').some((hit) => hit.how === 'text')).toBe(false);
  });
});

describe('terms', () => {
  it('does not let stop words or particles decide a ranking', () => {
    const bare = top3('NeRF thousands tiny MLPs');
    expect(top3('the NeRF with thousands of tiny MLPs')).toEqual(bare);
    expect(top3('the a of NeRF with thousands and of tiny the MLPs')).toEqual(bare);
    expect(top3('小さなMLPを大量に使うNeRF')).toEqual(top3('小さなMLP大量使NeRF'));
    expect(textTerms('the of a with と の を は')).toEqual([]);
  });

  it('folds width and case as names are, and reads katakana loanwords as the English word', () => {
    expect(textTerms('ＴＨＯＵＳＡＮＤＳ of Tiny ＭＬＰｓ')).toEqual(textTerms('thousands of tiny MLPs'));
    expect(textTerms('トランスフォーマー')).toContain('transform');
    expect(textTerms('transformers')).toContain('transform');
    expect(textTerms('ビジョントランスフォーマー')).toEqual(expect.arrayContaining(['vision', 'transform']));
    expect(textTerms('物体検出')).toEqual(['物体', '体検', '検出']);
  });

  it('lets a katakana query reach what the English term finds', () => {
    expect(top3('データセット 胸部 X線')).toEqual(expect.arrayContaining(['padchest']));
    expect(top3('hashing memory transformer')[0]).toBe('reformer');
    expect(top3('ハッシュ メモリ トランスフォーマー')).toEqual(top3('hashing memory transformer'));
    expect(top3('パッチ トークン トランスフォーマー')[0]).toBe(top3('patch tokens transformer')[0]);
  });
});

describe('excerpt', () => {
  it('is the note sentence that matched, with the matched words marked', () => {
    const excerpt = catalog.search.excerpt('thousands of tiny MLPs', 'kilonerf')!;
    expect(excerpt.text).toMatch(/thousands of tiny MLPs/);
    const marked = excerpt.bold.map(([start, end]) => excerpt.text.slice(start, end));
    expect(marked).toEqual(['thousands', 'tiny', 'MLPs']);
  });

  it('marks only the kanji pairs that matched in a Japanese sentence', () => {
    const excerpt = catalog.search.excerpt('肺結節の検出', 'luna16')!;
    const marked = excerpt.bold.map(([start, end]) => excerpt.text.slice(start, end));
    expect(marked.join('')).toMatch(/結節|検出/);
    expect(marked.every((text) => text.length <= 4)).toBe(true);
  });
});

describe('/model and /dataset rule', () => {
  it('answers alone only when the first leads the second by the measured margin', () => {
    const alone = catalog.search.describe('thousands of tiny MLPs', { kinds: KINDS_FOR.model });
    expect(alone.clearlyAhead).toBe(true);
    expect(alone.hits[0]?.id).toBe('kilonerf');
    const close = catalog.search.describe('neural radiance field acceleration', { kinds: KINDS_FOR.model });
    expect(close.clearlyAhead).toBe(false);
    expect(close.scores[0]! / close.scores[1]!).toBeLessThan(2);
    expect(close.hits).toHaveLength(3);
  });

  it('ranks autocomplete the same way: typing a description offers the entry', () => {
    const offered = catalog.search.complete('thousands of tiny mlps', { kinds: KINDS_FOR.model, descriptions: true });
    expect(offered[0]?.id).toBe('kilonerf');
    expect(catalog.search.complete('kilo', { kinds: KINDS_FOR.model, descriptions: true })[0]?.id).toBe('kilonerf');
  });
});
