import { grow } from './grams.js';
import { splitWords } from './normalize.js';
import { HASH_SEED, hashStep, StringIds } from './string-ids.js';
import type { SearchDoc } from './types.js';

/**
 * Every name and keyword of the catalog ("rows", in doc order: a doc's names,
 * then its keywords), split into key-form words exactly once; the name table
 * and the word table are both built from this.
 *
 * Most catalog text is ASCII or katakana, which NFKC, noise removal and
 * hiragana folding leave untouched, so a row made only of those characters is
 * split by a single pass over its character codes that hashes words as it
 * goes and allocates only words never seen before. Anything else — kanji,
 * full-width letters, "+", "--", emoji — goes through splitWords(), the
 * definition; a test checks that both paths agree.
 */
export class TextRows {
  readonly rowCount: number;
  readonly docCount: number;
  /** The text as written in the catalog. */
  readonly texts: string[];
  readonly rowDoc: Int32Array;
  /** Index in the doc's names (or keywords), capped at 255. */
  readonly rowPosition: Uint8Array;
  readonly rowIsKeyword: Uint8Array;
  /** Length of normalize(text), which is the row's words joined. */
  readonly rowKeyLength: Int32Array;
  /** hashString(normalize(text)). */
  readonly rowKeyHash: Int32Array;
  /**
   * 1 where the row was split by the scanner (only ASCII and katakana, no "+" or "--"): its text
   * lower-cased is its words with separators between them, which the text index relies on (row-terms.ts).
   */
  readonly rowPlain: Uint8Array;
  /** Row r's word ids are wordIds[wordStart[r] .. wordStart[r + 1]). */
  readonly wordStart: Int32Array;
  readonly wordIds: Int32Array;
  /** A doc's rows are docFirstRow[d] .. docFirstRow[d + 1]. */
  readonly docFirstRow: Int32Array;
  readonly words: StringIds;

  private readonly keyParts: string[] = [];

  constructor(docs: readonly SearchDoc[]) {
    let rowCount = 0;
    let textLength = 0;
    for (const doc of docs) {
      for (const name of doc.names) textLength += name.length;
      for (const keyword of doc.keywords ?? []) textLength += keyword.length;
      rowCount += doc.names.length + (doc.keywords?.length ?? 0);
    }
    this.rowCount = rowCount;
    this.docCount = docs.length;
    this.rowDoc = new Int32Array(rowCount);
    this.rowPosition = new Uint8Array(rowCount);
    this.rowIsKeyword = new Uint8Array(rowCount);
    this.docFirstRow = new Int32Array(docs.length + 1);
    this.texts = new Array<string>(rowCount);
    let row = 0;
    for (let doc = 0; doc < docs.length; doc++) {
      this.docFirstRow[doc] = row;
      const { names, keywords = [] } = docs[doc]!;
      for (let at = 0; at < names.length; at++, row++) {
        this.texts[row] = names[at]!;
        this.rowDoc[row] = doc;
        this.rowPosition[row] = Math.min(at, 255);
      }
      for (let at = 0; at < keywords.length; at++, row++) {
        this.texts[row] = keywords[at]!;
        this.rowDoc[row] = doc;
        this.rowPosition[row] = Math.min(at, 255);
        this.rowIsKeyword[row] = 1;
      }
    }
    this.docFirstRow[docs.length] = row;
    this.words = new StringIds(Math.max(16, textLength >>> 5), true);
    const split = splitRows(this.texts, this.words, Math.max(16, textLength >>> 2));
    this.rowKeyLength = split.keyLength;
    this.rowKeyHash = split.keyHash;
    this.wordStart = split.wordStart;
    this.wordIds = split.wordIds;
    this.rowPlain = split.plain;
  }

  /** normalize() of the row's text, rebuilt from its words. */
  keyOf(row: number): string {
    const from = this.wordStart[row]!;
    const to = this.wordStart[row + 1]!;
    if (to - from === 1) return this.words.strings[this.wordIds[from]!]!;
    // join() makes one flat string; += would leave a rope that every later charCodeAt pays to walk.
    const parts = this.keyParts;
    parts.length = 0;
    for (let at = from; at < to; at++) parts.push(this.words.strings[this.wordIds[at]!]!);
    return parts.join('');
  }
}

interface SplitRows {
  plain: Uint8Array;
  keyLength: Int32Array;
  keyHash: Int32Array;
  wordStart: Int32Array;
  wordIds: Int32Array;
}

/**
 * Every row's words, in one loop over every character of the catalog: a single
 * long-running loop is optimized by V8 early on, where a method called once per
 * row would run slowly for the first few thousand rows.
 */
function splitRows(texts: readonly string[], words: StringIds, expectedWords: number): SplitRows {
  const plainRows = new Uint8Array(texts.length);
  const keyLength = new Int32Array(texts.length);
  const keyHash = new Int32Array(texts.length);
  const wordStart = new Int32Array(texts.length + 1);
  let wordIds: Int32Array = new Int32Array(expectedWords);
  let wordCount = 0;
  /** Start, end and hash of each word of the current row, interned once the whole row is known to be plain. */
  let ranges: Int32Array = new Int32Array(3 * 64);

  for (let row = 0; row < texts.length; row++) {
    const original = texts[row]!;
    // A flat copy to scan: catalog text is often a concatenated string, several times slower to read
    // char by char. Lower case too, which the scan would do for ASCII (for any other character the
    // row is not plain and is split from the original below; a test checks every character).
    const text = original.toLowerCase();
    wordStart[row] = wordCount;
    let plain = true;
    let rowWords = 0;
    let wordFrom = -1;
    let wordHash = HASH_SEED;
    let hash = HASH_SEED;
    let length = 0;
    // The length read once: catalog strings come in several V8 representations, and `.length` in
    // the loop condition would be a megamorphic property load on every character.
    const textLength = text.length;
    for (let at = 0; at <= textLength; at++) {
      let code = at < textLength ? text.charCodeAt(at) : 32;
      let isNameCharacter = false;
      if (code < 128) {
        if (code >= 65 && code <= 90) code += 32;
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) isNameCharacter = true;
        else if (code === 43 || (code === 45 && text.charCodeAt(at + 1) === 45)) plain = false; // "+", "--": spelled out
      } else if (code >= 0x30a1 && code <= 0x30fe && code !== 0x30fb) {
        isNameCharacter = true; // katakana and ー; ・ (U+30FB) is punctuation
      } else {
        plain = false;
      }
      if (!plain) break;
      if (isNameCharacter) {
        if (wordFrom < 0) {
          wordFrom = at;
          wordHash = HASH_SEED;
        }
        wordHash = hashStep(wordHash, code);
        hash = hashStep(hash, code);
        length++;
      } else if (wordFrom >= 0) {
        if (3 * rowWords + 3 > ranges.length) ranges = grow(ranges);
        ranges[3 * rowWords] = wordFrom;
        ranges[3 * rowWords + 1] = at;
        ranges[3 * rowWords + 2] = wordHash;
        rowWords++;
        wordFrom = -1;
      }
    }
    if (plain) {
      plainRows[row] = 1;
      if (wordCount + rowWords > wordIds.length) wordIds = grow(wordIds, wordCount + rowWords);
      for (let word = 0; word < rowWords; word++) {
        const base = 3 * word;
        wordIds[wordCount++] = words.internLowerRange(text, ranges[base]!, ranges[base + 1]!, ranges[base + 2]!);
      }
    } else {
      // Through the same interning call and hashing as the fast path, so the optimized
      // loop meets no code it has not seen run (which would cost a deoptimization).
      const folded = splitWords(original);
      if (wordCount + folded.length > wordIds.length) wordIds = grow(wordIds, wordCount + folded.length);
      hash = HASH_SEED;
      length = 0;
      for (const word of folded) {
        let own = HASH_SEED;
        for (let at = 0, wordLength = word.length; at < wordLength; at++) {
          own = hashStep(own, word.charCodeAt(at));
          hash = hashStep(hash, word.charCodeAt(at));
        }
        length += word.length;
        wordIds[wordCount++] = words.internLowerRange(word, 0, word.length, own); // folded words have no capitals left
      }
    }
    keyLength[row] = length;
    keyHash[row] = hash;
  }
  wordStart[texts.length] = wordCount;
  // A copy of just the used part: the word table keeps this array for the index's lifetime.
  return { plain: plainRows, keyLength, keyHash, wordStart, wordIds: wordIds.slice(0, wordCount) };
}
