import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/catalog/search/text-index.js';
import { TextRows } from '../../src/catalog/search/text-rows.js';
import { textTerms } from '../../src/catalog/search/text-tokens.js';
import type { SearchDoc } from '../../src/catalog/search/types.js';

/**
 * The text index takes the terms of names and titles from TextRows' words
 * (row-terms.ts) when it is given them; it must come out exactly as the index
 * built from the docs alone, which cuts every text itself (textTerms).
 */
const NAMES = [
  'NeRF-W', 'R(2+1)D', 'NeRF--', 'ＥｆｆｉｃｉｅｎｔＮｅｔ－Ｂ０', 'ﾃﾞｰﾀｾｯﾄ', 'データセット', 'でーたせっと', 'ビジョントランスフォーマー',
  'ヴァヽヾ', '物体検出', 'X線', 'Café Net', 'X3D 🚀', 'Slow\u200bFast', 'セマンティック・セグメンテーション', 'mega-point-net-v2',
  'The UrbanScenes-12 Dataset for Video Recognition', 'Transformer TRANSFORMER transformer', 'C++ Plus', 'ＡＢＣ－１', '',
];
const docs: SearchDoc[] = NAMES.map((name, at) => ({
  id: `d${at}`,
  kind: 'model',
  names: [name, `${name} alias`, NAMES[(at + 5) % NAMES.length]!],
  keywords: [`${NAMES[(at + 3) % NAMES.length]}: Scaling ${name}`],
  descriptions: [`${name} は ${NAMES[(at + 7) % NAMES.length]} で scales the transformer`],
}));

describe('TextIndex built with TextRows', () => {
  it('has the same terms, weights and rankings as the index built from the docs alone, on mixed-script names', () => {
    const plain = new TextIndex(docs);
    const shared = new TextIndex(docs, new TextRows(docs));
    const terms = [...new Set(docs.flatMap((doc) => [...doc.names, ...doc.keywords!, ...doc.descriptions!].flatMap((text) => textTerms(text))))];
    expect(terms.length).toBeGreaterThan(30);
    for (const term of terms) {
      expect(shared.has(term), term).toBe(true);
      expect(shared.weightOf(term), term).toBe(plain.weightOf(term));
    }
    const all = () => true;
    for (let at = 0; at + 1 < terms.length; at++) {
      const query = [terms[at]!, terms[at + 1]!, terms[(at * 7) % terms.length]!];
      expect(shared.rank(query, 50, all), query.join(' ')).toEqual(plain.rank(query, 50, all));
    }
  });
});
