import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { buildSearchDocs } from '../../src/catalog/search-docs.js';
import { foldWidthAndCase } from '../../src/catalog/search/normalize.js';
import { foldsToItself, TermStream } from '../../src/catalog/search/term-stream.js';
import { textTerms } from '../../src/catalog/search/text-tokens.js';

/**
 * The index's fast tokenizer (term-stream.ts: one scan by char code, runs
 * looked up by hash, folding skipped for text that folding leaves alone) must
 * cut every text into exactly the terms the plain path (textTerms) gives.
 */
function streamTerms(texts: readonly string[]): string[][] {
  const termIds = new Map<string, number>();
  const stream = new TermStream(termIds);
  const byId = (ids: Int32Array) => {
    const terms = [...termIds.keys()];
    return [...ids].map((id) => terms[id]!);
  };
  const ends = texts.map((text) => {
    stream.add(text);
    return stream.size;
  });
  const all = byId(stream.ids.subarray(0, stream.size));
  // A term numbered but never appended would still answer TextIndex.has(): none may be left over
  // from a text that was scanned as written and then again folded.
  expect(new Set(all)).toEqual(new Set(termIds.keys()));
  return ends.map((end, at) => all.slice(at === 0 ? 0 : ends[at - 1]!, end));
}

const MIXED = [
  'NeRF-W: Neural Radiance Fields in the Wild',
  'ＥｆｆｉｃｉｅｎｔＮｅｔ　は深さ・幅・解像度を同時にスケールする',
  'ﾃﾞｰﾀｾｯﾄ と データセット と でーたせっと',
  'ビジョントランスフォーマー(ViT)で物体検出。',
  'か\u3099くしゅう が\u3099 (combining marks)',
  'Café résumé naïve ÉCOLE Straße',
  'emoji 🚀 in a note ✨ and a flag 🇯🇵, zero\u200bwidth',
  'tabs\tand\nnewlines, UPPER lower MiXeD 123 R(2+1)D',
  '々〆〇「括弧」『二重』【隅付き】〜波ダッシュ',
  '胸部X線のデータセット、CTスキャン',
  'a', '', '。', 'Ｘ線',
  'ZERO KELVIN 0\u212A, cafe\u0301 au lait, e\u0301cole', // a capital folded by NFKC; a mark that joins the run before it
];

describe('TermStream (the index tokenizer) and textTerms give the same terms', () => {
  it('on mixed-script text: full and half width, kana forms, marks, emoji, accents, capitals', () => {
    expect(streamTerms(MIXED)).toEqual(MIXED.map((text) => textTerms(text)));
  });

  it('on every name, title and description of the real catalog', () => {
    const docs = buildSearchDocs(loadCatalog('data/catalog'));
    const texts = docs.flatMap((doc) => [...doc.names, ...(doc.keywords ?? []), ...(doc.descriptions ?? [])]);
    expect(texts.length).toBeGreaterThan(500);
    expect(streamTerms(texts)).toEqual(texts.map((text) => textTerms(text)));
  });

  it('on a run seen first in capitals and again in lower case, and many distinct runs (the table grows)', () => {
    const texts = ['Transformer TRANSFORMER transformer', ...Array.from({ length: 20_000 }, (_, at) => `word${at} 語${String.fromCharCode(0x4e00 + (at % 5000))}字`)];
    expect(streamTerms(texts)).toEqual(texts.map((text) => textTerms(text)));
  });
});

describe('foldsToItself', () => {
  it('holds only for characters that folding leaves alone, ASCII capitals lower-cased aside (the scan lower-cases those itself)', () => {
    let accepted = 0;
    for (let code = 0; code < 0x10000; code++) {
      if (!foldsToItself(code) || (code >= 0xd800 && code <= 0xdfff)) continue;
      accepted++;
      const char = String.fromCharCode(code);
      const lowered = String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
      if (foldWidthAndCase(char) !== lowered || /\p{M}/u.test(char)) expect.fail(`U+${code.toString(16)} changes when folded`);
    }
    expect(accepted).toBeGreaterThan(20_000);
  });
});
