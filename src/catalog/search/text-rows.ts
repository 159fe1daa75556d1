import { grow } from './grams.js';
import { splitWords } from './normalize.js';
import { HASH_SEED, hashStep, hashString, StringIds } from './string-ids.js';
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
  readonly texts: string[] = [];
  readonly rowDoc: Int32Array;
  /** Index in the doc's names (or keywords), capped at 255. */
  readonly rowPosition: Uint8Array;
  readonly rowIsKeyword: Uint8Array;
  /** Length of normalize(text), which is the row's words joined. */
  readonly rowKeyLength: Int32Array;
  /** hashString(normalize(text)). */
  readonly rowKeyHash: Int32Array;
  /** Row r's word ids are wordIds[wordStart[r] .. wordStart[r + 1]). */
  readonly wordStart: Int32Array;
  wordIds: Int32Array;
  /** A doc's rows are docFirstRow[d] .. docFirstRow[d + 1]. */
  readonly docFirstRow: Int32Array;
  readonly words: StringIds;

  private wordCount = 0;
  private readonly keyParts: string[] = [];
  /** Scratch for the fast path: start, end and hash of each word of the current row. */
  private ranges: Int32Array = new Int32Array(3 * 64);

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
    this.rowKeyLength = new Int32Array(rowCount);
    this.rowKeyHash = new Int32Array(rowCount);
    this.wordStart = new Int32Array(rowCount + 1);
    this.wordIds = new Int32Array(Math.max(16, textLength >>> 2));
    this.docFirstRow = new Int32Array(docs.length + 1);
    this.words = new StringIds(Math.max(16, textLength >>> 5));

    let row = 0;
    docs.forEach((doc, docIndex) => {
      this.docFirstRow[docIndex] = row;
      for (let at = 0; at < doc.names.length; at++) this.addRow(row++, docIndex, doc.names[at]!, at, false);
      const keywords = doc.keywords ?? [];
      for (let at = 0; at < keywords.length; at++) this.addRow(row++, docIndex, keywords[at]!, at, true);
    });
    this.docFirstRow[docs.length] = row;
    this.wordStart[row] = this.wordCount;
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

  private addRow(row: number, doc: number, text: string, position: number, isKeyword: boolean): void {
    this.texts.push(text);
    this.rowDoc[row] = doc;
    this.rowPosition[row] = Math.min(position, 255);
    this.rowIsKeyword[row] = isKeyword ? 1 : 0;
    this.wordStart[row] = this.wordCount;
    if (!this.addPlainRow(row, text)) this.addFoldedRow(row, text);
  }

  /** The fast path; false (having added nothing) when the text needs the full fold. */
  private addPlainRow(row: number, text: string): boolean {
    let words = 0;
    let wordFrom = -1;
    let wordHash = HASH_SEED;
    let keyHash = HASH_SEED;
    let keyLength = 0;
    for (let at = 0; at <= text.length; at++) {
      let code = at < text.length ? text.charCodeAt(at) : 32;
      let isNameCharacter: boolean;
      if (code < 128) {
        if (code >= 65 && code <= 90) code += 32;
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) isNameCharacter = true;
        else if (code === 43 || (code === 45 && text.charCodeAt(at + 1) === 45)) return false; // "+", "--": spelled out
        else isNameCharacter = false;
      } else if (code >= 0x30a1 && code <= 0x30fe && code !== 0x30fb) {
        isNameCharacter = true; // katakana and ー; ・ (U+30FB) is punctuation
      } else {
        return false;
      }
      if (isNameCharacter) {
        if (wordFrom < 0) {
          wordFrom = at;
          wordHash = HASH_SEED;
        }
        wordHash = hashStep(wordHash, code);
        keyHash = hashStep(keyHash, code);
        keyLength++;
      } else if (wordFrom >= 0) {
        if (3 * words + 3 > this.ranges.length) this.ranges = grow(this.ranges);
        this.ranges[3 * words] = wordFrom;
        this.ranges[3 * words + 1] = at;
        this.ranges[3 * words + 2] = wordHash;
        words++;
        wordFrom = -1;
      }
    }
    // Interned only now, so a row that turns out to need the full fold leaves no stray word behind.
    for (let word = 0; word < words; word++) {
      const base = 3 * word;
      this.pushWord(this.words.internLowerRange(text, this.ranges[base]!, this.ranges[base + 1]!, this.ranges[base + 2]!));
    }
    this.rowKeyLength[row] = keyLength;
    this.rowKeyHash[row] = keyHash;
    return true;
  }

  private addFoldedRow(row: number, text: string): void {
    const words = splitWords(text);
    for (const word of words) this.pushWord(this.words.intern(word));
    const key = words.join('');
    this.rowKeyLength[row] = key.length;
    this.rowKeyHash[row] = hashString(key);
  }

  private pushWord(id: number): void {
    if (this.wordCount === this.wordIds.length) this.wordIds = grow(this.wordIds);
    this.wordIds[this.wordCount++] = id;
  }
}
