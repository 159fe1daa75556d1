import { TypoMeasure } from './distance.js';
import type { GramIds, PostingLists } from './grams.js';
import { lowerBound } from './grams.js';
import { buildNameParts } from './name-table-build.js';
import type { StringIds } from './string-ids.js';
import type { TextRows } from './text-rows.js';

/**
 * Every name and alias in key form, laid out so each kind of match is a lookup
 * rather than a scan:
 *
 * - entries are numbered by key length, then in catalog order, so any list of
 *   entry numbers in ascending order is also shortest-first — the order
 *   ranking wants within a tier — and a stage can stop early;
 * - `keyIds` numbers the distinct keys; entries sharing a key are chained, so
 *   an exact match is one hash lookup;
 * - `grams` maps each two-character sequence to the entries containing it. Two
 *   characters (not three) because a kanji pair like 医療 is already a word.
 *   Substring candidates come from the rarest gram of the query; typo
 *   candidates from counting shared grams among names of a similar length;
 * - `leadGrams` / `leadCharacters` list the entries by their first two
 *   characters / first character: prefix candidates, already shortest first.
 *
 * Everything is built (name-table-build.ts) in a few linear passes over typed
 * arrays — no per-entry objects, no comparison sort.
 */
export class NameTable {
  readonly keys: string[];
  readonly originals: string[];
  readonly docOf: Int32Array;
  /** Where the name sits in its doc's list: 0 = canonical, then aliases in the catalog's order (capped at 255). */
  readonly position: Uint8Array;
  private readonly keyIds: StringIds;
  /** First entry of each distinct key, and the next entry with the same key (-1 = none). */
  private readonly firstWithKey: Int32Array;
  private readonly nextWithKey: Int32Array;
  /** firstOfLength[n] = the first entry whose key has at least n characters. */
  private readonly firstOfLength: Int32Array;
  private readonly gramIds: GramIds;
  private readonly grams: PostingLists;
  private readonly leadGrams: PostingLists;
  private readonly characterIds: GramIds;
  private readonly leadCharacters: PostingLists;
  /** Scratch for typos(): shared-gram counts per entry and the entries touched, reset after each call. */
  private readonly sharedGrams: Uint16Array;
  private readonly touched: Int32Array;

  constructor(text: TextRows) {
    const parts = buildNameParts(text);
    this.keys = parts.keys;
    this.originals = parts.originals;
    this.docOf = parts.docOf;
    this.position = parts.position;
    this.firstOfLength = parts.firstOfLength;
    this.keyIds = parts.keyIds;
    this.firstWithKey = parts.firstWithKey;
    this.nextWithKey = parts.nextWithKey;
    this.gramIds = parts.gramIds;
    this.grams = parts.grams;
    this.leadGrams = parts.leadGrams;
    this.characterIds = parts.characterIds;
    this.leadCharacters = parts.leadCharacters;
    this.sharedGrams = new Uint16Array(this.keys.length);
    this.touched = new Int32Array(this.keys.length);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Entries whose key is exactly `key`, in entry order. */
  *exact(key: string): Generator<number> {
    const keyId = this.keyIds.get(key);
    if (keyId < 0) return;
    for (let entry = this.firstWithKey[keyId]!; entry >= 0; entry = this.nextWithKey[entry]!) yield entry;
  }

  /** Entries whose key starts with `key` and is longer than it, shortest first. */
  *prefixed(key: string): Generator<number> {
    if (key.length === 0) {
      for (let entry = this.firstOfLength[1] ?? this.size; entry < this.size; entry++) yield entry;
      return;
    }
    const candidates =
      key.length === 1
        ? this.leadCharacters.get(this.characterIds.find(key.charCodeAt(0), 0))
        : this.leadGrams.get(this.gramIds.find(key.charCodeAt(0), key.charCodeAt(1)));
    if (!candidates) return;
    for (let at = lowerBound(candidates, this.firstOfLength[key.length + 1] ?? this.size); at < candidates.length; at++) {
      const entry = candidates[at]!;
      if (this.keys[entry]!.startsWith(key)) yield entry;
    }
  }

  /** Entries containing `key` somewhere after its first character, shortest first. */
  *containing(key: string): Generator<number> {
    if (key.length < 2 || key.length + 1 >= this.firstOfLength.length) return;
    let rarest: Int32Array | undefined;
    for (let at = 0; at + 1 < key.length; at++) {
      const posting = this.grams.get(this.gramIds.find(key.charCodeAt(at), key.charCodeAt(at + 1)));
      if (!posting) return;
      if (!rarest || posting.length < rarest.length) rarest = posting;
    }
    const from = lowerBound(rarest!, this.firstOfLength[key.length + 1]!);
    for (let at = from; at < rarest!.length; at++) {
      const entry = rarest![at]!;
      const candidate = this.keys[entry]!;
      if (candidate.indexOf(key, 1) > 0) yield entry;
    }
  }

  /**
   * Entries within `bound` typos of `key`, with their distance. Candidates are
   * names of length |key| ± bound sharing enough grams with the key: each edit
   * destroys at most three of the key's grams (a transposition touches three),
   * so a true match keeps at least (|key| − 1) − 3·bound of them. When that bound
   * drops to zero we still require one shared gram — missing only a name whose
   * every gram was scrambled, which a human would not call a typo either.
   */
  typos(key: string, bound: number): [entry: number, distance: number][] {
    const lowLength = Math.max(1, key.length - bound);
    const highLength = key.length + bound + 1;
    if (bound <= 0 || lowLength >= this.firstOfLength.length) return [];
    const windowStart = this.firstOfLength[lowLength]!;
    const windowEnd = this.firstOfLength[Math.min(highLength, this.firstOfLength.length - 1)]!;
    const counted: number[] = [];
    let touchedCount = 0;
    for (let at = 0; at + 1 < key.length; at++) {
      const first = key.charCodeAt(at);
      const second = key.charCodeAt(at + 1);
      const gram = first * 0x10000 + second; // a gram no name has still counts toward `needed`
      if (counted.includes(gram)) continue;
      counted.push(gram);
      const posting = this.grams.get(this.gramIds.find(first, second));
      if (!posting) continue;
      const end = lowerBound(posting, windowEnd);
      for (let index = lowerBound(posting, windowStart); index < end; index++) {
        const entry = posting[index]!;
        const before = this.sharedGrams[entry]!;
        if (before === 0) this.touched[touchedCount++] = entry;
        this.sharedGrams[entry] = before + 1;
      }
    }

    // Counted per distinct gram: an edit that destroys a repeated gram's occurrences
    // loses at most as many distinct grams as occurrences, so the bound still holds.
    const needed = Math.max(1, counted.length - 3 * bound);
    const found: [number, number][] = [];
    const measure = new TypoMeasure(key);
    for (let at = 0; at < touchedCount; at++) {
      const entry = this.touched[at]!;
      if (this.sharedGrams[entry]! >= needed) {
        const distance = measure.distance(this.keys[entry]!, bound);
        if (distance <= bound) found.push([entry, distance]);
      }
      this.sharedGrams[entry] = 0;
    }
    return found;
  }
}
