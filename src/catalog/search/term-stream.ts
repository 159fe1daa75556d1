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

const SCRIPT_BITS = 7;
/** Set in a char's table entry when foldWidthAndCase() may change it (foldsToItself() is false). */
const FOLDS = 8;
let table: Uint8Array | undefined;

/**
 * Every UTF-16 code unit's script (as scriptOf() gives it after folding: ASCII
 * capitals count as Latin) and FOLDS: one lookup per character in the scan.
 */
function charTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const lowered = code >= 65 && code <= 90 ? code + 32 : code;
    table[code] = scriptOf(lowered) | (foldsToItself(code) ? 0 : FOLDS);
  }
  return table;
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
  ids: Int32Array = new Int32Array(1 << 16);
  size = 0;
  private slotRun: (string | undefined)[] = new Array<string | undefined>(INITIAL_SLOTS);
  private slotHash = new Int32Array(INITIAL_SLOTS);
  /** A run's term ids are runTermIds[slotStart[slot] .. slotStart[slot] + slotLength[slot]). */
  private slotStart = new Int32Array(INITIAL_SLOTS);
  private slotLength = new Int32Array(INITIAL_SLOTS);
  private runs = 0;
  private runTermIds: Int32Array = new Int32Array(1 << 12);
  private runTermCount = 0;
  private readonly scratch: string[] = [];

  constructor(private readonly termIds: Map<string, number>) {}

  /** Appends the text's terms (repeats kept). */
  add(text: string): void {
    const mark = this.size;
    if (this.scan(text, true)) return;
    this.size = mark; // a character that folding changes: start again on the folded text
    this.scan(foldWidthAndCase(text), false);
  }

  /**
   * One pass over the text: each char's script from a table, runs cut where
   * the script changes, each run's hash computed on the way. With `unfolded`,
   * gives up (false) at the first character that folding would change.
   */
  private scan(text: string, unfolded: boolean): boolean {
    const table = charTable();
    let start = 0;
    let current: Script = Script.Other;
    let hash = 0;
    // Read once: notes come as every kind of V8 string (flat, concatenated, one- or two-byte), and a
    // `.length` read in the loop would be a megamorphic property load on every character.
    const length = text.length;
    for (let at = 0; at <= length; at++) {
      let code = 0;
      let script: Script = Script.Other;
      if (at < length) {
        code = text.charCodeAt(at);
        const entry = table[code]!;
        if (unfolded && entry >= FOLDS) return false;
        script = (entry & SCRIPT_BITS) as Script;
        if (code >= 65 && code <= 90) code += 32; // ASCII capitals, which folding lower-cases
      }
      if (script !== current) {
        if (current !== Script.Other) this.addRun(text, start, at, current, hash);
        current = script;
        start = at;
        hash = 0x811c9dc5;
      }
      hash = Math.imul(hash ^ code, 0x01000193); // FNV-1a over the lower-cased char codes
    }
    return true;
  }

  private addRun(text: string, start: number, end: number, script: Script, hash: number): void {
    const mask = this.slotHash.length - 1;
    let slot = hash & mask;
    for (let run = this.slotRun[slot]; run !== undefined; run = this.slotRun[slot]) {
      if (this.slotHash[slot] === hash && sameRun(run, text, start, end)) break;
      slot = (slot + 1) & mask;
    }
    if (this.slotRun[slot] === undefined) slot = this.remember(text.slice(start, end).toLowerCase(), script, hash, slot);
    const from = this.slotStart[slot]!;
    const count = this.slotLength[slot]!;
    if (this.size + count > this.ids.length) this.ids = grow(this.ids, this.size + count);
    for (let at = 0; at < count; at++) this.ids[this.size++] = this.runTermIds[from + at]!;
  }

  /** A run not seen before: its terms, as ids, stored in `slot`; returns the slot (which moves when the table grows). */
  private remember(run: string, script: Script, hash: number, slot: number): number {
    this.scratch.length = 0;
    termsOfRun(run, script, this.scratch);
    if (this.runTermCount + this.scratch.length > this.runTermIds.length) {
      this.runTermIds = grow(this.runTermIds, this.runTermCount + this.scratch.length);
    }
    this.slotRun[slot] = run;
    this.slotHash[slot] = hash;
    this.slotStart[slot] = this.runTermCount;
    this.slotLength[slot] = this.scratch.length;
    for (const term of this.scratch) {
      let id = this.termIds.get(term);
      if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
      this.runTermIds[this.runTermCount++] = id;
    }
    if (++this.runs * 2 <= this.slotHash.length) return slot;
    this.rehash();
    return this.find(run, hash);
  }

  private rehash(): void {
    const { slotRun, slotHash, slotStart, slotLength } = this;
    const slots = slotHash.length * 2;
    this.slotRun = new Array<string | undefined>(slots);
    this.slotHash = new Int32Array(slots);
    this.slotStart = new Int32Array(slots);
    this.slotLength = new Int32Array(slots);
    for (let old = 0; old < slotRun.length; old++) {
      const run = slotRun[old];
      if (run === undefined) continue;
      let slot = slotHash[old]! & (slots - 1);
      while (this.slotRun[slot] !== undefined) slot = (slot + 1) & (slots - 1);
      this.slotRun[slot] = run;
      this.slotHash[slot] = slotHash[old]!;
      this.slotStart[slot] = slotStart[old]!;
      this.slotLength[slot] = slotLength[old]!;
    }
  }

  private find(run: string, hash: number): number {
    const mask = this.slotHash.length - 1;
    let slot = hash & mask;
    while (this.slotRun[slot] !== run) slot = (slot + 1) & mask;
    return slot;
  }
}

/** Whether text[start, end), ASCII capitals lowered, is `run`. */
function sameRun(run: string, text: string, start: number, end: number): boolean {
  const length = run.length;
  if (length !== end - start) return false;
  for (let at = 0; at < length; at++) {
    let code = text.charCodeAt(start + at);
    if (code >= 65 && code <= 90) code += 32;
    if (run.charCodeAt(at) !== code) return false;
  }
  return true;
}
