import { TypoMeasure } from './distance.js';
import { buildGramPostings, gramAt, lowerBound } from './grams.js';
import { normalize } from './normalize.js';
import type { SearchDoc } from './types.js';

/** Above this many prefix matches, walking entries in length order beats sorting the range. */
const BROAD_PREFIX = 512;

/**
 * Every name and alias in key form, laid out so each kind of match is a lookup
 * rather than a scan:
 *
 * - entries are sorted by (key length, key), so equal keys are adjacent (exact
 *   match = one Map lookup) and any list of entry numbers in ascending order is
 *   also shortest-first — the order ranking wants within a tier;
 * - `byKey` is the same entries in plain string order, for binary-searched prefix ranges;
 * - `grams` maps each two-character sequence to the entries containing it. Two
 *   characters (not three) because a kanji pair like 医療 is already a word.
 *   Substring candidates come from the rarest gram of the query; typo
 *   candidates from counting shared grams among names of a similar length.
 */
export class NameTable {
  readonly keys: string[] = [];
  readonly originals: string[] = [];
  readonly docOf: Int32Array;
  /** Where the name sits in its doc's list: 0 = canonical, then aliases in the catalog's order (capped at 255). */
  readonly position: Uint8Array;
  private readonly firstOfKey = new Map<string, number>();
  private readonly byKey: Int32Array;
  /** firstOfLength[n] = the first entry whose key has at least n characters. */
  private readonly firstOfLength: Int32Array;
  private readonly grams: Map<number, Int32Array>;
  /** Scratch for typos(): shared-gram counts per entry and the entries touched, reset after each call. */
  private readonly sharedGrams: Uint16Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly SearchDoc[]) {
    const rows: { key: string; original: string; doc: number; position: number }[] = [];
    docs.forEach((doc, docIndex) => {
      const seen = new Set<string>();
      doc.names.forEach((name, position) => {
        const key = normalize(name);
        if (key.length === 0 || seen.has(key)) return;
        seen.add(key);
        rows.push({ key, original: name, doc: docIndex, position: Math.min(position, 255) });
      });
    });
    rows.sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.doc - b.doc));

    this.docOf = new Int32Array(rows.length);
    this.position = new Uint8Array(rows.length);
    rows.forEach((row, entry) => {
      this.keys.push(row.key);
      this.originals.push(row.original);
      this.docOf[entry] = row.doc;
      this.position[entry] = row.position;
      if (!this.firstOfKey.has(row.key)) this.firstOfKey.set(row.key, entry);
    });

    const longest = rows.length > 0 ? rows[rows.length - 1]!.key.length : 0;
    this.firstOfLength = new Int32Array(longest + 2);
    for (let length = 0, entry = 0; length <= longest + 1; length++) {
      while (entry < rows.length && this.keys[entry]!.length < length) entry++;
      this.firstOfLength[length] = entry;
    }

    this.byKey = Int32Array.from(this.keys.keys()).sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : 1));
    this.grams = buildGramPostings(this.keys);
    this.sharedGrams = new Uint16Array(rows.length);
    this.touched = new Int32Array(rows.length);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Entries whose key is exactly `key`. */
  *exact(key: string): Generator<number> {
    const first = this.firstOfKey.get(key);
    if (first === undefined) return;
    for (let entry = first; entry < this.keys.length && this.keys[entry] === key; entry++) yield entry;
  }

  /**
   * Entries whose key starts with `key` and is longer than it, shortest first.
   * A narrow prefix ("efficientn") is a small range of `byKey`, sorted back into
   * length order; a broad one ("e") is found faster by walking all entries
   * shortest first, since the caller stops after the first few.
   */
  *prefixed(key: string): Generator<number> {
    const from = this.firstByKeyAtLeast(key);
    const to = this.firstByKeyAtLeast(key + '\uffff');
    if (to - from > BROAD_PREFIX) {
      for (let entry = this.firstOfLength[key.length + 1] ?? this.keys.length; entry < this.keys.length; entry++) {
        if (this.keys[entry]!.startsWith(key)) yield entry;
      }
      return;
    }
    for (const entry of this.byKey.slice(from, to).sort()) {
      if (this.keys[entry]!.length > key.length) yield entry;
    }
  }

  private firstByKeyAtLeast(key: string): number {
    let low = 0;
    let high = this.byKey.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[this.byKey[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Entries containing `key` somewhere after its first character, shortest first. */
  *containing(key: string): Generator<number> {
    if (key.length < 2 || key.length + 1 >= this.firstOfLength.length) return;
    let rarest: Int32Array | undefined;
    for (let at = 0; at + 1 < key.length; at++) {
      const posting = this.grams.get(gramAt(key, at));
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
      const gram = gramAt(key, at);
      if (counted.includes(gram)) continue;
      counted.push(gram);
      const posting = this.grams.get(gram);
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
