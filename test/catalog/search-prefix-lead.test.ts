import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from '../../src/catalog/search/index.js';
import { tierOf, Tier } from '../../src/catalog/search/ranking.js';
import { loadCatalog } from '../../src/catalog/load.js';

/**
 * "A name prefix should win": a query that is most of one entry's name is
 * that entry, even when it is also the opening words of another entry's long
 * descriptive name (issue 7, part 4).
 */
const m = (id: string, names: string[], keywords?: string[]): SearchDoc => ({ id, kind: 'model', names, keywords });
const c = (id: string, names: string[]): SearchDoc => ({ id, kind: 'concept', names });

const DOCS: SearchDoc[] = [
  m('two-stream', ['Two-Stream ConvNet', 'Two-stream CNN', 'Two-Stream Convolutional Networks'], ['Two-Stream Convolutional Networks for Action Recognition in Videos']),
  m('i3d', ['I3D', 'Inflated 3D ConvNet', 'Two-Stream Inflated 3D ConvNet', 'Quo Vadis']),
  m('efficientnet', ['EfficientNet']),
  m('efficientdet', ['EfficientDet']),
  m('efficient-detr', ['Efficient DETR']),
  m('mobilenet', ['MobileNet']),
  m('mobilenet-v2', ['MobileNetV2']),
  m('post-ln', ['Post-LN']),
  m('positional-encoding', ['Positional Encoding', 'Position Embedding']),
  c('3d-convolution', ['3D convolution', '3D畳み込み', '3D Conv']),
  m('hara-survey', ['Recent Advances in Video Action Recognition with 3D Convolutions', '3D畳み込みによる行動認識サーベイ']),
  m('slowfast', ['SlowFast Networks', 'SlowFast'], ['SlowFast Networks for Video Recognition']),
];
const index = new SearchIndex(DOCS);

describe('a prefix that is most of one name', () => {
  it.each([
    ['two-stream', 'two-stream'],
    ['Two Stream', 'two-stream'],
    ['two-stre', 'two-stream'],
    ['inflated', 'i3d'], // the long name is still found by its own start
  ])('%s → %s, not the entry whose long name merely starts that way', (query, expected) => {
    expect(index.best(query)?.id).toBe(expected);
  });

  it('works the same for Japanese names (not tuned for: found by comparing old and new answers)', () => {
    expect(index.best('3D畳み込')?.id).toBe('3d-convolution');
  });

  it('still lists entries that the query starts equally well', () => {
    for (const query of ['efficient', 'mobile']) expect(index.best(query), query).toBeUndefined();
    expect(index.search('efficient').map((hit) => hit.id)).toEqual(expect.arrayContaining(['efficientnet', 'efficientdet', 'efficient-detr']));
  });

  it('never decides on a prefix of three characters or fewer', () => {
    // "pos" is half of "Post-LN", but far too little to say the user means it.
    expect(index.best('pos')).toBeUndefined();
  });

  it('ranks the two-stream network first and keeps I3D in the list', () => {
    const hits = index.search('two-stream');
    expect(hits.map((hit) => hit.id)).toEqual(['two-stream', 'i3d']);
    expect(hits.every((hit) => tierOf(hit.score) === Tier.prefix)).toBe(true);
  });

  it('keeps a better tier ahead whatever the coverage: a word in a title never beats a name prefix', () => {
    // "slowf" starts a name; "video" is only a word in SlowFast's paper title.
    expect(index.best('slowf')?.id).toBe('slowfast');
    expect(tierOf(index.search('slowf')[0]!.score)).toBe(Tier.prefix);
    expect(tierOf(index.search('video')[0]!.score)).toBeGreaterThan(Tier.prefix);
  });
});

describe('tierOf', () => {
  it('recovers the tier from any score the ranking gives', () => {
    const queries = ['two-stream', 'I3D', 'quo vadis', 'slowf', 'video', 'efficient', 'vadis', 'convnet', 'slowfst', '3D畳み込'];
    for (const query of queries) {
      for (const hit of index.search(query)) {
        const how = { exact: [Tier.exactName, Tier.exactAlias], prefix: [Tier.prefix], word: [Tier.word, Tier.wordPrefix], substring: [Tier.substring] }[hit.how as string];
        if (how) expect(how, `${query} → ${hit.matched}`).toContain(tierOf(hit.score));
        else expect(tierOf(hit.score), `${query} → ${hit.matched}`).toBeGreaterThanOrEqual(Tier.fuzzy);
      }
    }
  });
});

describe('on the real catalog', () => {
  const catalog = loadCatalog('data/catalog');
  it.each([
    ['two-stream', 'two-stream'],
    ['Two-Stream', 'two-stream'],
    ['two stream', 'two-stream'],
  ])('/model %s is confidently %s', (query, expected) => {
    expect(catalog.search.best(query, { kinds: ['model', 'concept'] })?.id).toBe(expected);
  });

  it.each(['efficient', 'mobile', 'vision', 'sparse'])('/model %s stays a choice: several names start alike', (query) => {
    expect(catalog.search.best(query, { kinds: ['model', 'concept'] })).toBeUndefined();
  });
});
