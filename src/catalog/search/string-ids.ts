/**
 * Distinct strings numbered 0, 1, 2… in the order first seen: an open-addressing
 * table of Int32 slots instead of a Map<string, …>, so interning a million word
 * occurrences allocates nothing for a word already known — not even the
 * substring, since a word can be looked up straight from the text it sits in.
 */

/** 32-bit FNV-1a of one UTF-16 code unit folded into a running hash. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export const HASH_SEED = 0x811c9dc5 | 0;

export function hashString(text: string): number {
  let hash = HASH_SEED;
  for (let at = 0, length = text.length; at < length; at++) hash = hashStep(hash, text.charCodeAt(at));
  return hash;
}

/** ASCII upper case to lower case; everything else unchanged (the scanner only lowers ASCII). */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

export class StringIds {
  readonly strings: string[] = [];
  /** Hash of each id, for rehashing. */
  private hashes: Int32Array;
  /**
   * Slot i is table[2i] = hash, table[2i + 1] = id + 1 (0 = empty): hash and id
   * side by side, so a probe reads one cache line and touches a string only
   * when the full 32-bit hash already matches.
   */
  private table: Int32Array;
  private mask: number;
  /**
   * Every string's characters, packed: id i's are chars[charStart[i] .. charStart[i + 1]). A lookup
   * by range compares against these, next to the ones compared before, rather than load a string
   * from anywhere on the heap.
   */
  private chars: Uint16Array;
  private charStart: Int32Array;

  /** `packed`: keep the characters packed (for internLowerRange(); other tables need not pay for them). */
  constructor(
    expected = 16,
    private readonly packed = false,
  ) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.table = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    this.hashes = new Int32Array(Math.max(16, expected));
    this.chars = new Uint16Array(packed ? Math.max(64, 4 * expected) : 0);
    this.charStart = new Int32Array(packed ? Math.max(16, expected) + 1 : 0);
  }

  get size(): number {
    return this.strings.length;
  }

  /** The id of `text`, or -1. */
  get(text: string, hash = hashString(text)): number {
    for (let slot = this.home(hash); ; slot = (slot + 1) & this.mask) {
      const stored = this.table[2 * slot + 1]!;
      if (stored === 0) return -1;
      if (this.table[2 * slot] === hash && this.strings[stored - 1] === text) return stored - 1;
    }
  }

  /** The id of `text`, numbering it if new. */
  intern(text: string, hash = hashString(text)): number {
    let slot = this.home(hash);
    for (; ; slot = (slot + 1) & this.mask) {
      const stored = this.table[2 * slot + 1]!;
      if (stored === 0) break;
      if (this.table[2 * slot] === hash && this.strings[stored - 1] === text) return stored - 1;
    }
    return this.add(slot, text, hash);
  }

  /**
   * The id of text[start, end) with ASCII lower-cased, numbering it if new;
   * `hash` must be hashString() of that lower-cased range.
   */
  internLowerRange(text: string, start: number, end: number, hash: number): number {
    if (!this.packed) throw new Error('internLowerRange needs a packed StringIds');
    const length = end - start;
    const { chars, charStart } = this;
    let slot = this.home(hash);
    probing: for (; ; slot = (slot + 1) & this.mask) {
      const stored = this.table[2 * slot + 1]!;
      if (stored === 0) break;
      if (this.table[2 * slot] !== hash) continue;
      const from = charStart[stored - 1]!;
      if (charStart[stored]! - from !== length) continue;
      for (let at = 0; at < length; at++) {
        if (chars[from + at] !== lowerAscii(text.charCodeAt(start + at))) continue probing;
      }
      return stored - 1;
    }
    return this.add(slot, text.slice(start, end).toLowerCase(), hash);
  }

  private home(hash: number): number {
    return (hash ^ (hash >>> 15)) & this.mask;
  }

  private add(slot: number, text: string, hash: number): number {
    const id = this.strings.length;
    this.strings.push(text);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    if (this.packed) this.pack(id, text);
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = id + 1;
    if (this.strings.length * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private pack(id: number, text: string): void {
    if (id + 2 > this.charStart.length) {
      const grown = new Int32Array(this.charStart.length * 2);
      grown.set(this.charStart);
      this.charStart = grown;
    }
    const from = this.charStart[id]!;
    if (from + text.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, from + text.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let at = 0; at < text.length; at++) this.chars[from + at] = text.charCodeAt(at);
    this.charStart[id + 1] = from + text.length;
  }

  private rehash(): void {
    this.table = new Int32Array(4 * (this.mask + 1));
    this.mask = 2 * this.mask + 1;
    for (let id = 0; id < this.strings.length; id++) {
      const hash = this.hashes[id]!;
      let slot = this.home(hash);
      while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = hash;
      this.table[2 * slot + 1] = id + 1;
    }
  }
}
