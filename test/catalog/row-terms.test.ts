import { describe, expect, it } from 'vitest';
import { nameTerms, rowWords } from '../../src/catalog/search/row-terms.js';
import { TextRows } from '../../src/catalog/search/text-rows.js';
import { textTerms } from '../../src/catalog/search/text-tokens.js';
import type { SearchDoc } from '../../src/catalog/search/types.js';

/**
 * The text index takes the terms of names and titles from TextRows' words
 * (row-terms.ts): a plain row's terms are its words' terms, each word cut
 * once. They must be exactly what cutting each text itself gives (textTerms).
 */
const NAMES = [
  'NeRF-W', 'R(2+1)D', 'NeRF--', 'ＥｆｆｉｃｉｅｎｔＮｅｔ－Ｂ０', 'ﾃﾞｰﾀｾｯﾄ', 'データセット', 'でーたせっと', 'ビジョントランスフォーマー',
  'ヴァヽヾ', '物体検出', 'X線', 'Café Net', 'X3D 🚀', 'Slow\u200bFast', 'セマンティック・セグメンテーション', 'mega-point-net-v2',
  'The UrbanScenes-12 Dataset for Video Recognition', 'Transformer TRANSFORMER transformer', 'C++ Plus', 'ＡＢＣ－１', '',
  'xビデオnet', 'ヽヽ', 'Efficient-NetV2 efficientnetv2', 'a an the of',
];
const docs: SearchDoc[] = NAMES.map((name, at) => ({
  id: `d${at}`,
  kind: 'model',
  names: [name, `${name} alias`, NAMES[(at + 5) % NAMES.length]!],
  keywords: [`${NAMES[(at + 3) % NAMES.length]}: Scaling ${name}`],
  descriptions: [`${name} は ${NAMES[(at + 7) % NAMES.length]} で scales the transformer`],
}));

describe('nameTerms (the text index terms of names and titles)', () => {
  it('are each text cut by textTerms, field by field, on mixed-script names', () => {
    const terms = nameTerms(rowWords(new TextRows(docs)));
    const field = (doc: number, which: number) =>
      [...terms.ids.subarray(terms.fieldEnd[2 * doc + which]!, terms.fieldEnd[2 * doc + which + 1]!)].map((id) => terms.terms[id]!);
    docs.forEach((doc, at) => {
      expect(field(at, 0), doc.names.join(' | ')).toEqual(doc.names.flatMap((name) => textTerms(name)));
      expect(field(at, 1), doc.keywords!.join(' | ')).toEqual(doc.keywords!.flatMap((keyword) => textTerms(keyword)));
    });
    expect(new Set(terms.terms)).toEqual(new Set(docs.flatMap((doc) => [...doc.names, ...doc.keywords!].flatMap((text) => textTerms(text)))));
  });
});
