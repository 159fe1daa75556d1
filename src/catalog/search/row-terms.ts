import type { TermStream } from './term-stream.js';
import type { TextRows } from './text-rows.js';

/**
 * The text index's terms of the catalog's names and titles, taken from the
 * words TextRows has already split them into, so the index does not scan that
 * text a second time. A plain row (ASCII and katakana only, rowPlain) is its
 * lower-cased words with separators between them, and a separator is never
 * part of a term, so the row's terms are its words' terms one after another;
 * each distinct word is cut into terms once and then copied. Other rows
 * (kanji, hiragana, full width, "+", "--") go through the stream whole, as
 * without TextRows. test/catalog/row-terms.test.ts checks both give one index.
 */
export class RowTerms {
  /** Where a word's terms were first appended to the stream (-1: not yet), and how many. */
  private readonly wordTermStart: Int32Array;
  private readonly wordTermCount: Int32Array;

  constructor(
    private readonly rows: TextRows,
    private readonly stream: TermStream,
  ) {
    this.wordTermStart = new Int32Array(rows.words.size).fill(-1);
    this.wordTermCount = new Int32Array(rows.words.size);
  }

  /** Appends the terms of rows from .. to - 1 that are names (keywords = 0) or keywords (keywords = 1). */
  add(from: number, to: number, keywords: number): void {
    const { rows, stream, wordTermStart, wordTermCount } = this;
    for (let row = from; row < to; row++) {
      if (rows.rowIsKeyword[row] !== keywords) continue;
      if (rows.rowPlain[row] === 0) {
        stream.add(rows.texts[row]!);
        continue;
      }
      for (let at = rows.wordStart[row]!, end = rows.wordStart[row + 1]!; at < end; at++) {
        const word = rows.wordIds[at]!;
        const start = wordTermStart[word]!;
        if (start >= 0) {
          stream.repeat(start, wordTermCount[word]!);
          continue;
        }
        wordTermStart[word] = stream.size;
        stream.add(rows.words.strings[word]!);
        wordTermCount[word] = stream.size - wordTermStart[word]!;
      }
    }
  }
}
