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

/**
 * What nameTerms() reads of TextRows, as plain data: typed arrays and the
 * distinct words, which cross to another thread for a small copy, where the
 * rows' own texts (half a million strings on the generated catalog) would not.
 */
export interface RowWords {
  docCount: number;
  /** A doc's rows are docFirstRow[d] .. docFirstRow[d + 1]. */
  docFirstRow: Int32Array;
  rowIsKeyword: Uint8Array;
  /** Row r's word ids are wordIds[wordStart[r] .. wordStart[r + 1]); word w is words[w]. */
  wordStart: Int32Array;
  wordIds: Int32Array;
  words: string[];
  /** The text of each row that is not plain (rowPlain 0): cut into terms whole. */
  otherTexts: Map<number, string>;
}

export function rowWords(rows: TextRows): RowWords {
  const otherTexts = new Map<number, string>();
  for (let row = 0; row < rows.rowCount; row++) if (rows.rowPlain[row] === 0) otherTexts.set(row, rows.texts[row]!);
  const { docCount, docFirstRow, rowIsKeyword, wordStart, wordIds } = rows;
  return { docCount, docFirstRow, rowIsKeyword, wordStart, wordIds, words: rows.words.strings, otherTexts };
}

/** NameTerms of the rows' docs. */
export function nameTerms(rows: RowWords): NameTerms {
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
 * (kanji, hiragana, full width, "+", "--") go through the stream whole.
 * test/catalog/row-terms.test.ts checks the terms are textTerms() of each text.
 */
export class RowTerms {
  /** Where a word's terms were first appended to the stream (-1: not yet), and how many. */
  private readonly wordTermStart: Int32Array;
  private readonly wordTermCount: Int32Array;
  private readonly scratch: string[] = [];

  constructor(
    private readonly rows: RowWords,
    private readonly stream: TermStream,
  ) {
    this.wordTermStart = new Int32Array(rows.words.length).fill(-1);
    this.wordTermCount = new Int32Array(rows.words.length);
  }

  /**
   * A word seen for the first time. Most are one run of one script ("efficientnet", "v2",
   * "ビデオ"), cut into terms directly; the rest (Latin and katakana in one word, "xビデオ")
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
      const other = rows.otherTexts.get(row);
      if (other !== undefined) {
        stream.add(other);
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
        this.addWord(rows.words[word]!);
        wordTermCount[word] = stream.size - wordTermStart[word]!;
      }
    }
  }
}
