import { grow } from './grams.js';
import { foldWidthAndCase } from './normalize.js';
import { Script, scriptOf, termsOfRun } from './text-tokens.js';

/**
 * Characters that foldWidthAndCase() leaves as they are, apart from ASCII
 * upper case: ASCII, CJK punctuation and brackets (、。「」々), hiragana,
 * katakana (・ and ー included) and the unified kanji. Each is its own NFKC
 * form, a starter that composes with none of the others, not "noise" and
 * without case — so a text made only of them folds to itself lower-cased, and
 * the fold (two regular expressions and NFKC over the whole note) can be
 * skipped. test/catalog/term-stream.test.ts checks every one of them.
 */
export function foldsToItself(code: number): boolean {
  if (code < 0x80) return true;
  if (code < 0x3001) return false;
  return (
    code <= 0x3029 ||
    (code >= 0x3041 && code <= 0x3096) ||
    code === 0x309d ||
    code === 0x309e ||
    (code >= 0x30a0 && code <= 0x30fe) ||
    (code >= 0x3400 && code <= 0x9fff)
  );
}

/** A table entry: the character changes when folded, so the text must be folded before it is scanned. */
const NEEDS_FOLD = 0xff;

let rawTable: Uint8Array | undefined;
let foldedTable: Uint8Array | undefined;

/**
 * Every UTF-16 code unit's script as a table, one lookup per character in the scan.
 * The folded table is scriptOf() of every char, for foldWidthAndCase() output; the raw
 * table, for text only lower-cased, marks every char that folding would change NEEDS_FOLD.
 */
function scriptTables(): { raw: Uint8Array; folded: Uint8Array } {
  if (!rawTable || !foldedTable) {
    rawTable = new Uint8Array(0x10000);
    foldedTable = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++) {
      foldedTable[code] = scriptOf(code);
      rawTable[code] = foldsToItself(code) ? scriptOf(code) : NEEDS_FOLD;
    }
  }
  return { raw: rawTable, folded: foldedTable };
}

/** Initial slots of the run table (a power of two; it doubles at half full). */
const INITIAL_SLOTS = 1 << 14;

/**
 * The term ids of many texts, in one growing array, as textTerms() would cut
 * them. Built for the 100,000-entry catalog, whose notes hold tens of millions
 * of characters: each text is scanned once by char code (folded first only
 * when it holds a character that folding changes), and every run of one
 * script ("scaling", "物体検出", "トランスフォーマー") is looked up in an
 * open-addressing table by a hash computed during the scan and compared char
 * by char — no substring, no string hashing, no garbage for a run seen
 * before. A new run is cut into terms once (termsOfRun) and remembered; notes
 * repeat their words, so new runs are few.
 */
export class TermStream {
  ids: Int32Array;
  size = 0;
  /** Slot i: slots[2i] = the run's hash, slots[2i + 1] = its number + 1 (0 = empty). Side by side: one cache line per probe. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /**
   * Run r (numbered as first seen): its characters are chars[runs[4r] .. + runs[4r + 1]), its term ids
   * runTermIds[runs[4r + 2] .. + runs[4r + 3]). Characters in one packed array rather than a string
   * per run: comparing a run reads memory next to the runs compared before, not a string anywhere on the heap.
   */
  private runs: Int32Array = new Int32Array(4 * 1024);
  private runCount = 0;
  private chars: Uint16Array = new Uint16Array(1 << 16);
  private charCount = 0;
  private runTermIds: Int32Array = new Int32Array(1 << 12);
  private runTermCount = 0;
  private readonly scratch: string[] = [];

  /** `expectedTerms` sizes the id array up front (it grows if too small). */
  constructor(
    private readonly termIds: Map<string, number>,
    expectedTerms = 1 << 16,
  ) {
    this.ids = new Int32Array(Math.max(16, expectedTerms));
  }

  /** Appends again the `count` term ids appended from position `start` on. */
  repeat(start: number, count: number): void {
    if (this.size + count > this.ids.length) this.ids = grow(this.ids, this.size + count);
    for (let at = 0; at < count; at++) this.ids[this.size++] = this.ids[start + at]!;
  }

  /** Appends the text's terms (repeats kept). */
  add(text: string): void {
    const tables = scriptTables();
    const mark = this.size;
    // Most text (English notes, Japanese in kana and kanji) folds to its lower case, and
    // toLowerCase() is also the cheapest flat copy: catalog text is often a concatenated string,
    // which V8 reads char by char several times slower. The first char that folding would change
    // sends the whole text through foldWidthAndCase() instead, and what it appended is dropped.
    if (this.scan(text.toLowerCase(), tables.raw)) return;
    this.size = mark;
    this.scan(foldWidthAndCase(text), tables.folded);
  }

  /**
   * One pass over the text: each char's script from the table, runs cut where the script
   * changes, each run's hash (FNV-1a over its char codes) computed on the way and looked up
   * in the run table. False, with nothing remembered of the run it stopped in, at the first
   * NEEDS_FOLD char. A run that ended before that char is the same run in the folded text:
   * every char up to there is its own NFKC form and a starter, so folding changes none of them.
   * The table and arrays are held in locals: this loop runs once per character of the catalog.
   */
  private scan(text: string, table: Uint8Array): boolean {
    // Read once: a `.length` read in the loop would be a property load on every character.
    const length = text.length;
    let { ids, size, slots, runs, chars, runTermIds, mask } = this;
    let at = 0;
    while (at < length) {
      const start = at;
      let code = text.charCodeAt(at);
      const script = table[code]!;
      if (script === Script.Other) {
        at++;
        continue;
      }
      if (script === NEEDS_FOLD) return false;
      let hash = Math.imul(0x811c9dc5 ^ code, 0x01000193);
      while (++at < length && table[(code = text.charCodeAt(at))] === script) hash = Math.imul(hash ^ code, 0x01000193);
      if (at < length && table[code] === NEEDS_FOLD) return false; // the run may not end here once folded ("e" + U+0301)
      const runLength = at - start;
      let slot = (hash ^ (hash >>> 15)) & mask;
      let run = -1;
      probing: for (; ; slot = (slot + 1) & mask) {
        const stored = slots[2 * slot + 1]!;
        if (stored === 0) break;
        if (slots[2 * slot] !== hash || runs[4 * (stored - 1) + 1] !== runLength) continue;
        const from = runs[4 * (stored - 1)]!;
        for (let offset = 0; offset < runLength; offset++) if (chars[from + offset] !== text.charCodeAt(start + offset)) continue probing;
        run = stored - 1;
        break;
      }
      if (run < 0) {
        run = this.remember(text, start, at, script as Script, hash, slot);
        ({ slots, runs, chars, runTermIds, mask } = this); // remembering may have grown them
      }
      const from = runs[4 * run + 2]!;
      const count = runs[4 * run + 3]!;
      if (size + count > ids.length) ids = this.ids = grow(ids, size + count);
      for (let offset = 0; offset < count; offset++) ids[size++] = runTermIds[from + offset]!;
    }
    this.size = size;
    return true;
  }

  /** A run not seen before, to store in the empty `slot`: its terms, as ids; returns its number. */
  private remember(text: string, start: number, end: number, script: Script, hash: number, slot: number): number {
    this.scratch.length = 0;
    termsOfRun(text.slice(start, end), script, this.scratch);
    if (this.runTermCount + this.scratch.length > this.runTermIds.length) {
      this.runTermIds = grow(this.runTermIds, this.runTermCount + this.scratch.length);
    }
    if (this.charCount + end - start > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, this.charCount + end - start));
      grown.set(this.chars);
      this.chars = grown;
    }
    if (4 * this.runCount + 4 > this.runs.length) this.runs = grow(this.runs);
    const run = this.runCount++;
    this.runs[4 * run] = this.charCount;
    this.runs[4 * run + 1] = end - start;
    this.runs[4 * run + 2] = this.runTermCount;
    this.runs[4 * run + 3] = this.scratch.length;
    for (let at = start; at < end; at++) this.chars[this.charCount++] = text.charCodeAt(at);
    for (const term of this.scratch) {
      let id = this.termIds.get(term);
      if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
      this.runTermIds[this.runTermCount++] = id;
    }
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = run + 1;
    if (this.runCount * 2 > this.mask + 1) this.rehash();
    return run;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1; // twice the slots: old.length / 2 slots before
    for (let slot = 0; slot < old.length / 2; slot++) {
      const stored = old[2 * slot + 1]!;
      if (stored === 0) continue;
      const hash = old[2 * slot]!;
      let to = (hash ^ (hash >>> 15)) & this.mask;
      while (this.slots[2 * to + 1] !== 0) to = (to + 1) & this.mask;
      this.slots[2 * to] = hash;
      this.slots[2 * to + 1] = stored;
    }
  }
}
