import { hashString } from './string-ids.js';

/**
 * The text index's terms, numbered, as a frozen open-addressing table of typed
 * arrays rather than a Map: built on the thread that builds the index and
 * handed to the main thread as buffers, without a copy and without a hundred
 * thousand strings to rebuild and hash there (text-index-job.ts).
 */
export interface TermTable {
  /** Slot i: slots[2i] = the term's hash, slots[2i + 1] = its id + 1 (0 = empty). */
  slots: Int32Array;
  /** Term id t's characters are chars[charStart[t] .. charStart[t + 1]). */
  chars: Uint16Array;
  charStart: Int32Array;
}

/** The table of terms[0], terms[1], …, each numbered by its position. */
export function termTable(terms: readonly string[]): TermTable {
  let capacity = 16;
  while (capacity < terms.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(2 * capacity);
  const charStart = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id++) charStart[id + 1] = charStart[id]! + terms[id]!.length;
  const chars = new Uint16Array(charStart[terms.length]!);
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id]!;
    for (let at = 0, from = charStart[id]!; at < term.length; at++) chars[from + at] = term.charCodeAt(at);
    const hash = hashString(term);
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
  }
  return { slots, chars, charStart };
}

/** The term's id, or -1. */
export function termId({ slots, chars, charStart }: TermTable, term: string): number {
  const mask = slots.length / 2 - 1;
  const hash = hashString(term);
  probing: for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
    const stored = slots[2 * slot + 1]!;
    if (stored === 0) return -1;
    if (slots[2 * slot] !== hash) continue;
    const from = charStart[stored - 1]!;
    if (charStart[stored]! - from !== term.length) continue;
    for (let at = 0; at < term.length; at++) if (chars[from + at] !== term.charCodeAt(at)) continue probing;
    return stored - 1;
  }
}

export function termTableBuffers({ slots, chars, charStart }: TermTable): ArrayBuffer[] {
  return [slots.buffer, chars.buffer, charStart.buffer] as ArrayBuffer[];
}
