import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/catalog/search/text-index.js';
import { buildTextIndexHere } from '../../src/catalog/search/text-index-job.js';
import { textTerms } from '../../src/catalog/search/text-tokens.js';
import type { SearchDoc } from '../../src/catalog/search/types.js';

/**
 * rank() reads the longest posting list (a word most notes share) only for docs
 * another query term also has. Whatever the query order, the hits must be those
 * of scoring every posting: with two terms the float sum does not depend on
 * their order, so both orders must give the same hits, scores to the last bit.
 */
const common = (at: number): SearchDoc => ({
  id: `common-${at}`,
  kind: 'dataset',
  names: [`Common${at}`],
  descriptions: [`A dataset of street scenes number ${at}.`, 'データセットの一つ。'],
});
const docs: SearchDoc[] = [
  ...Array.from({ length: 200 }, (_, at) => common(at)),
  { id: 'chest', kind: 'dataset', names: ['PadChest'], descriptions: ['A chest x-ray dataset with reports.', '胸部X線のデータセット。'] },
  { id: 'lung', kind: 'dataset', names: ['LUNA'], descriptions: ['Chest CT scans with lung nodules; not a dataset of x-rays.'] },
];
const index = new TextIndex(buildTextIndexHere(docs));
const ids = (terms: string[], limit = 10) => index.rank(terms, limit, () => true).map((hit) => docs[hit.doc]!.id);

describe('TextIndex.rank with a common word in the query', () => {
  it('finds the docs that share another term with it, whether the common word comes first or last', () => {
    expect(ids(['dataset', 'chest']).sort()).toEqual(['chest', 'lung']);
    expect(index.rank(['dataset', 'chest'], 10, () => true)).toEqual(index.rank(['chest', 'dataset'], 10, () => true));
  });

  it('in the middle of the query, and for Japanese terms', () => {
    expect(ids(['chest', 'dataset', 'x'])).toEqual(ids(['chest', 'dataset']));
    expect(ids(textTerms('データセット 胸部'))[0]).toBe('chest');
    expect(index.rank(['ray', 'dataset'], 10, () => true)).toEqual(index.rank(['dataset', 'ray'], 10, () => true));
  });

  it('matches nothing through the common word alone, and nothing for a single term', () => {
    expect(ids(['dataset', 'street'], 300)).toHaveLength(200);
    expect(ids(['dataset'])).toEqual([]);
    expect(ids(['dataset', 'nowhere'])).toEqual([]);
  });

  it('leaves no state behind between queries', () => {
    const first = index.rank(['dataset', 'chest'], 10, () => true);
    ids(['chest', 'lung', 'dataset']);
    expect(index.rank(['dataset', 'chest'], 10, () => true)).toEqual(first);
  });
});
