/**
 * Posting lists packed into two typed arrays, and the numbering of two-character
 * grams they are keyed by. A Map of growing arrays costs one object per list and
 * a copy per list at the end; collecting (list, item) pairs and placing them with
 * one counting sort costs neither, and builds a 100,000-entry catalog's lists in
 * a few tens of milliseconds.
 */

/** Lists of ascending item numbers: list i is items[starts[i] .. starts[i + 1]). */
export class PostingLists {
  constructor(
    private readonly starts: Int32Array,
    private readonly items: Int32Array,
  ) {}

  /** The list, or undefined for an id that has none (-1 included). */
  get(list: number): Int32Array | undefined {
    if (list < 0 || list + 1 >= this.starts.length) return undefined;
    return this.items.subarray(this.starts[list]!, this.starts[list + 1]!);
  }
}

/**
 * Collects (list, item) pairs — items must arrive in non-decreasing order — and
 * packs them. A repeated item in the same list is kept once.
 */
export class PostingsBuilder {
  private lists: Int32Array;
  private items: Int32Array;
  private size = 0;
  /** Per list, the last item added (-1 = none yet): typed, since list ids arrive in any order. */
  private lastItem: Int32Array = new Int32Array(1024).fill(-1);

  /** `expectedPairs` sizes the buffers up front; they grow if it was too small. */
  constructor(expectedPairs = 1024) {
    this.lists = new Int32Array(Math.max(16, expectedPairs));
    this.items = new Int32Array(Math.max(16, expectedPairs));
  }

  add(list: number, item: number): void {
    if (list >= this.lastItem.length) this.growLists(list);
    if (this.lastItem[list] === item) return;
    this.lastItem[list] = item;
    if (this.size === this.lists.length) {
      this.lists = grow(this.lists);
      this.items = grow(this.items);
    }
    this.lists[this.size] = list;
    this.items[this.size++] = item;
  }

  build(listCount: number): PostingLists {
    const starts = new Int32Array(listCount + 1);
    for (let pair = 0; pair < this.size; pair++) starts[this.lists[pair]! + 1]!++;
    for (let list = 0; list < listCount; list++) starts[list + 1]! += starts[list]!;
    const cursor = starts.slice(0, listCount);
    const items = new Int32Array(this.size);
    for (let pair = 0; pair < this.size; pair++) items[cursor[this.lists[pair]!]!++] = this.items[pair]!;
    return new PostingLists(starts, items);
  }

  private growLists(list: number): void {
    let length = this.lastItem.length * 2;
    while (length <= list) length *= 2;
    const grown = new Int32Array(length).fill(-1);
    grown.set(this.lastItem);
    this.lastItem = grown;
  }
}

/** A copy at least twice as long (and at least `atLeast`), for arrays filled as they go. */
export function grow(array: Int32Array, atLeast = 0): Int32Array {
  const grown = new Int32Array(Math.max(array.length * 2, atLeast));
  grown.set(array);
  return grown;
}

/** ASCII (0–127) and the katakana block (U+30A0–U+30FF) get small codes; pairs of them a flat table. */
const DENSE_CODES = 224;

function denseCode(code: number): number {
  if (code < 128) return code;
  return code >= 0x30a0 && code <= 0x30ff ? code - 0x30a0 + 128 : -1;
}

/**
 * Numbers pairs of UTF-16 code units 0, 1, 2… as first added. Pairs of ASCII
 * and katakana — nearly all of them — are a typed-array lookup; the rest use a Map.
 */
export class GramIds {
  private readonly dense = new Int32Array(DENSE_CODES * DENSE_CODES).fill(-1);
  private readonly sparse = new Map<number, number>();
  count = 0;

  /** The id of the pair, or -1 if it was never added. */
  find(first: number, second: number): number {
    const a = denseCode(first);
    const b = denseCode(second);
    if (a >= 0 && b >= 0) return this.dense[a * DENSE_CODES + b]!;
    return this.sparse.get(first * 0x10000 + second) ?? -1;
  }

  add(first: number, second: number): number {
    const a = denseCode(first);
    const b = denseCode(second);
    if (a >= 0 && b >= 0) {
      const slot = a * DENSE_CODES + b;
      const id = this.dense[slot]!;
      return id >= 0 ? id : (this.dense[slot] = this.count++);
    }
    const key = first * 0x10000 + second;
    const id = this.sparse.get(key);
    if (id !== undefined) return id;
    this.sparse.set(key, this.count);
    return this.count++;
  }
}

/** The first position in an ascending list holding a value ≥ `value`. */
export function lowerBound(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
