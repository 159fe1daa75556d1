import { describe, expect, it } from 'vitest';
import { normalize, splitWords } from '../../src/catalog/search/normalize.js';
import { TextRows } from '../../src/catalog/search/text-rows.js';
import { hashString } from '../../src/catalog/search/string-ids.js';
import type { SearchDoc } from '../../src/catalog/search/types.js';

/**
 * TextRows splits plain ASCII/katakana text with its own character scanner and
 * everything else with splitWords(); the index is only right if the scanner
 * gives exactly what splitWords() and normalize() — the definitions — give.
 */
function wordsOf(rows: TextRows, row: number): string[] {
  const words: string[] = [];
  for (let at = rows.wordStart[row]!; at < rows.wordStart[row + 1]!; at++) words.push(rows.words.strings[rows.wordIds[at]!]!);
  return words;
}

function expectAgreement(texts: readonly string[]): void {
  const docs: SearchDoc[] = texts.map((text, at) => ({ id: `d${at}`, kind: 'model', names: [text], keywords: [`${text} keyword`] }));
  const rows = new TextRows(docs);
  expect(rows.rowCount).toBe(2 * texts.length);
  for (let row = 0; row < rows.rowCount; row++) {
    const text = rows.texts[row]!;
    expect(wordsOf(rows, row), JSON.stringify(text)).toEqual(splitWords(text));
    expect(rows.keyOf(row), JSON.stringify(text)).toBe(normalize(text));
    expect(rows.rowKeyLength[row]).toBe(normalize(text).length);
    expect(rows.rowKeyHash[row]).toBe(hashString(normalize(text)));
  }
}

describe('TextRows', () => {
  it('splits like splitWords() on the shapes catalog names take', () => {
    expectAgreement([
      'X3D', 'SlowFast Networks', 'mega-point-net-v2', 'R(2+1)D', 'R2+1D', 'NeRF--', 'NeRF--: Neural Radiance Fields',
      'a--b', '--', 'x-', '-x', 'C++ Plus', 'DALL·E', 'ＳｌｏｗＦａｓｔ', 'ナーフ', 'なーふ', 'セマンティック・セグメンテーション',
      'ｾｸﾞﾒﾝﾃｰｼｮﾝ', '行動認識', 'X3D 🚀', 'Slow\u200bFast', 'ヴァヷヸヹヺヽヾヿ', 'Ǆ', 'İstanbul', 'ＡＢＣ－１', '', '   ', '\t\n',
      'Kinetics-400', 'UrbanScenes-1234', 'The UrbanScenes-12 Dataset for Video Recognition', 'e\u0301cole', 'ﬁne', '①②',
    ]);
  });

  it('agrees with splitWords() on random mixes of ASCII, kana, kanji, dashes, pluses and noise', () => {
    let state = 2021;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['a', 'Z', 'q', '0', '9', ' ', '-', '--', '+', '(', ')', ':', '.', '·', 'ア', 'ー', 'ッ', '・', 'ヿ', 'ぁ', 'ゞ',
      'ｱ', 'ﾞ', 'Ａ', '１', '医', '療', '🚀', '\u200b', '\u0301', 'é', 'ß', '™', '\u2212', '\u2014'];
    const texts = Array.from({ length: 4000 }, () =>
      Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]!).join(''),
    );
    expectAgreement(texts);
  });

  it('agrees with splitWords() around every UTF-16 code unit (the scanner reads the text lower-cased)', () => {
    const texts: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code < 0xd800 || code > 0xdfff) texts.push(`Ab${String.fromCharCode(code)}Cd ${String.fromCharCode(code)}-x`);
    }
    const docs: SearchDoc[] = texts.map((text, at) => ({ id: `d${at}`, kind: 'model', names: [text] }));
    const rows = new TextRows(docs);
    const actual = texts.map((_, row) => [wordsOf(rows, row).join(' '), rows.keyOf(row)]);
    const expected = texts.map((text) => [splitWords(text).join(' '), normalize(text)]);
    expect(actual).toEqual(expected); // one comparison: sixty thousand expect() calls take seconds
  });

  it('numbers each distinct word once and keeps docs contiguous', () => {
    const rows = new TextRows([
      { id: 'a', kind: 'model', names: ['Video Swin', 'video-swin'], keywords: ['Video Swin Transformer'] },
      { id: 'b', kind: 'model', names: ['VIDEO'] },
    ]);
    expect(rows.words.strings).toEqual(['video', 'swin', 'transformer']);
    expect([...rows.docFirstRow]).toEqual([0, 3, 4]);
    expect([...rows.rowIsKeyword]).toEqual([0, 0, 1, 0]);
  });
});
