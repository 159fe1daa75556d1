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
 * The folded table is scriptOf() of every char, for foldWidthAndCase() output. The raw
 * table reads text as written: ASCII capitals are Latin (the scan lower-cases them as it
 * goes), and every char that folding would change is NEEDS_FOLD.
 */
function scriptTables(): { raw: Uint8Array; folded: Uint8Array } {
  if (!rawTable || !foldedTable) {
    rawTable = new Uint8Array(0x10000);
    foldedTable = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++) {
      foldedTable[code] = scriptOf(code);
      rawTable[code] = foldsToItself(code) ? scriptOf(lowerAscii(code)) : NEEDS_FOLD;
    }
  }
  return { raw: rawTable, folded: foldedTable };
}

/** ASCII capitals to lower case, any other code unit as it is: what folding does to a char foldsToItself() accepts. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * The term ids of many texts, in one growing array, as textTerms() would cut
 * them. Built for the 100,000-entry catalog, whose notes hold tens of millions
 * of characters: each text is scanned once by char code (folded first only
 * when it holds a character that folding changes), and every run of one
 * script ("scaling", "物体検出", "トランスフォーマー") is looked up in a
 * RunMemo by a hash computed during the scan and compared char by char — no
 * substring, no string hashing, no garbage for a run seen before. A new run is
 * cut into terms once (termsOfRun) and remembered; notes repeat their words,
 * so new runs are few.
 */
export class TermStream {
  ids: Int32Array;
  size = 0;
  private readonly memo: RunMemo;
  /** A string's char codes, for add(): the scan reads typed arrays only. */
  private scratch = new Uint16Array(256);

  /** `expectedTerms` sizes the id array up front (it grows if too small). */
  constructor(
    private readonly termIds: Map<string, number>,
    expectedTerms = 1 << 16,
  ) {
    this.ids = new Int32Array(Math.max(16, expectedTerms));
    this.memo = new RunMemo(termIds);
  }

  /** Appends again the `count` term ids appended from position `start` on. */
  repeat(start: number, count: number): void {
    if (this.size + count > this.ids.length) this.ids = grow(this.ids, this.size + count);
    for (let at = 0; at < count; at++) this.ids[this.size++] = this.ids[start + at]!;
  }

  /** Appends these terms, numbering those not seen before. */
  addTerms(terms: readonly string[]): void {
    if (this.size + terms.length > this.ids.length) this.ids = grow(this.ids, this.size + terms.length);
    for (const term of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
      this.ids[this.size++] = id;
    }
  }

  /** Appends the text's terms (repeats kept). */
  add(text: string): void {
    this.addCodes(this.codesOf(text), 0, text.length);
  }

  /**
   * Appends the terms of the text whose UTF-16 code units are codes[start, end);
   * the range must not cut a run short (the index passes whole texts joined by
   * line breaks, text-fields.ts). Most text — English notes, Japanese in kana
   * and kanji — folds to its lower case and is scanned as written; at the first
   * char folding would change, what the range appended is dropped and it is
   * scanned again, folded.
   */
  addCodes(codes: Uint16Array, start: number, end: number): void {
    const tables = scriptTables();
    const mark = this.size;
    if (this.scan(codes, start, end, tables.raw)) return;
    this.size = mark;
    const folded = foldWidthAndCase(stringOf(codes, start, end));
    this.scan(this.codesOf(folded), 0, folded.length, tables.folded);
  }

  private codesOf(text: string): Uint16Array {
    if (text.length > this.scratch.length) this.scratch = new Uint16Array(Math.max(2 * this.scratch.length, text.length));
    const codes = this.scratch;
    for (let at = 0, length = text.length; at < length; at++) codes[at] = text.charCodeAt(at);
    return codes;
  }

  /**
   * One pass over codes[start, end): each char's script from the table, runs cut where the
   * script changes, each run's hash (FNV-1a over its lower-cased char codes) computed on the
   * way and looked up in the memo. False, with nothing remembered of the run it stopped in,
   * at the first NEEDS_FOLD char. A run that ended before that char is the same run in the
   * folded text: every char up to there is its own NFKC form and a starter, so folding changes
   * none of them. Arrays are held in locals: this loop runs once per character of the catalog.
   */
  private scan(codes: Uint16Array, start: number, end: number, table: Uint8Array): boolean {
    const { memo } = this;
    let { ids, size } = this;
    let { slots, runs, chars, runTermIds, mask } = memo;
    let at = start;
    while (at < end) {
      const runStart = at;
      let code = codes[at]!;
      const script = table[code]!;
      if (script === Script.Other) {
        at++;
        continue;
      }
      if (script === NEEDS_FOLD) return false;
      if (script === Script.Hiragana) {
        // Particles and endings, never a term (termsOfRun): a quarter of a Japanese note's runs, skipped
        // unhashed. A char after the run that folding would change is met as the next run's start.
        while (++at < end && table[codes[at]!] === Script.Hiragana);
        continue;
      }
      let hash = Math.imul(0x811c9dc5 ^ lowerAscii(code), 0x01000193);
      while (++at < end && table[(code = codes[at]!)] === script) hash = Math.imul(hash ^ lowerAscii(code), 0x01000193);
      if (at < end && table[code] === NEEDS_FOLD) return false; // the run may not end here once folded ("e" + U+0301)
      const runLength = at - runStart;
      let slot = (hash ^ (hash >>> 15)) & mask;
      let run = -1;
      probing: for (; ; slot = (slot + 1) & mask) {
        const stored = slots[2 * slot + 1]!;
        if (stored === 0) break;
        if (slots[2 * slot] !== hash || runs[4 * (stored - 1) + 1] !== runLength) continue;
        const from = runs[4 * (stored - 1)]!;
        for (let offset = 0; offset < runLength; offset++) {
          if (chars[from + offset] !== lowerAscii(codes[runStart + offset]!)) continue probing;
        }
        run = stored - 1;
        break;
      }
      if (run < 0) {
        run = memo.remember(codes, runStart, at, script as Script, hash, slot);
        ({ slots, runs, chars, runTermIds, mask } = memo); // remembering may have grown them
      }
      const from = runs[4 * run + 2]!;
      const count = runs[4 * run + 3]!;
      if (size + count > ids.length) ids = this.ids = grow(ids, size + count);
      for (let offset = 0; offset < count; offset++) ids[size++] = runTermIds[from + offset]!;
    }
    this.size = size;
    return true;
  }
}

/** codes[start, end) as a string (in slices: apply() takes a bounded number of arguments). */
function stringOf(codes: Uint16Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 8192) text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(end, at + 8192)) as unknown as number[]);
  return text;
}

/** Initial slots of a memo's table (a power of two; it doubles at half full). */
const INITIAL_SLOTS = 1 << 12;

/** Runs seen before and their term ids, in an open-addressing table (TermStream.scan reads it). */
class RunMemo {
  /** Slot i: slots[2i] = the run's hash, slots[2i + 1] = its number + 1 (0 = empty). Side by side: one cache line per probe. */
  slots = new Int32Array(2 * INITIAL_SLOTS);
  mask = INITIAL_SLOTS - 1;
  /**
   * Run r (numbered as first seen): its characters, lower-cased, are chars[runs[4r] .. + runs[4r + 1]), its term ids
   * runTermIds[runs[4r + 2] .. + runs[4r + 3]). Characters in one packed array rather than a string
   * per run: comparing a run reads memory next to the runs compared before, not a string anywhere on the heap.
   */
  runs: Int32Array = new Int32Array(4 * 1024);
  chars: Uint16Array = new Uint16Array(1 << 14);
  runTermIds: Int32Array = new Int32Array(1 << 12);
  private runCount = 0;
  private charCount = 0;
  private runTermCount = 0;
  private readonly scratch: string[] = [];

  constructor(private readonly termIds: Map<string, number>) {}

  /** A run not seen before, to store in the empty `slot`: its terms, as ids; returns its number. */
  remember(codes: Uint16Array, start: number, end: number, script: Script, hash: number, slot: number): number {
    const length = end - start;
    if (this.charCount + length > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, this.charCount + length));
      grown.set(this.chars);
      this.chars = grown;
    }
    const from = this.charCount;
    for (let at = start; at < end; at++) this.chars[this.charCount++] = lowerAscii(codes[at]!);
    this.scratch.length = 0;
    termsOfRun(stringOf(this.chars, from, from + length), script, this.scratch);
    if (this.runTermCount + this.scratch.length > this.runTermIds.length) {
      this.runTermIds = grow(this.runTermIds, this.runTermCount + this.scratch.length);
    }
    if (4 * this.runCount + 4 > this.runs.length) this.runs = grow(this.runs);
    const run = this.runCount++;
    this.runs[4 * run] = from;
    this.runs[4 * run + 1] = length;
    this.runs[4 * run + 2] = this.runTermCount;
    this.runs[4 * run + 3] = this.scratch.length;
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
