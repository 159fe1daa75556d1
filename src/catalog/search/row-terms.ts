import { TermStream } from './term-stream.js';
import { scriptOf, termsOfRun } from './text-tokens.js';
import type { TextRows } from './text-rows.js';

/** The terms of every doc's names (field 0) and titles (field 1). */
export interface NameTerms {
  /** Id i of `ids` is the term terms[i]. */
  terms: string[];
  ids: Int32Array;
  /** Field f of doc d is ids[fieldEnd[2d + f] .. fieldEnd[2d + f + 1]). */
  fieldEnd: Int32Array;
}

/** NameTerms of the docs TextRows was built from. */
export function nameTerms(rows: TextRows): NameTerms {
  const termIds = new Map<string, number>();
  const stream = new TermStream(termIds, rows.wordIds.length);
  const rowTerms = new RowTerms(rows, stream);
  const fieldEnd = new Int32Array(2 * rows.docCount + 1);
  for (let doc = 0; doc < rows.docCount; doc++) {
    for (let field = 0; field < 2; field++) {
      rowTerms.add(rows.docFirstRow[doc]!, rows.docFirstRow[doc + 1]!, field);
      fieldEnd[2 * doc + field + 1] = stream.size;
    }
  }
  return { terms: [...termIds.keys()], ids: stream.ids.subarray(0, stream.size), fieldEnd };
}

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
  private readonly scratch: string[] = [];

  constructor(
    private readonly rows: TextRows,
    private readonly stream: TermStream,
  ) {
    this.wordTermStart = new Int32Array(rows.words.size).fill(-1);
    this.wordTermCount = new Int32Array(rows.words.size);
  }

  /**
   * A word seen for the first time. Most are one run of one script ("efficientnet", "v2",
   * "ビデオ"), cut into terms directly; the rest ("x線" never is: kanji makes a row not plain)
   * go through the stream.
   */
  private addWord(word: string): void {
    const script = scriptOf(word.charCodeAt(0));
    for (let at = 1; at < word.length; at++) {
      if (scriptOf(word.charCodeAt(at)) !== script) return this.stream.add(word);
    }
    this.scratch.length = 0;
    termsOfRun(word, script, this.scratch);
    this.stream.addTerms(this.scratch);
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
        this.addWord(rows.words.strings[word]!);
        wordTermCount[word] = stream.size - wordTermStart[word]!;
      }
    }
  }
}
