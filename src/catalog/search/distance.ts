/**
 * Typo distance: optimal-string-alignment Damerau–Levenshtein, where an adjacent
 * transposition ("trasnformer") costs 1 like an insertion, deletion or
 * substitution. Bounded: callers only care whether a name is within a few
 * edits, so the computation stops as soon as every cell of a row exceeds the
 * bound — most candidates are rejected after two or three rows.
 */

/**
 * How many typos a query of this length may carry and still be recognised.
 * Short queries get none: with 1–3 characters almost every short name is
 * "one typo away", so a fuzzy answer would be noise.
 */
export function typoAllowance(queryLength: number): number {
  if (queryLength <= 3) return 0;
  if (queryLength <= 5) return 1;
  return 2;
}

/** Scratch rows reused across calls; the index is single-threaded and calls never nest. */
let rowBeforePrevious = new Int32Array(64);
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

function ensureRowCapacity(length: number): void {
  if (currentRow.length > length) return;
  const capacity = Math.max(length + 1, currentRow.length * 2);
  rowBeforePrevious = new Int32Array(capacity);
  previousRow = new Int32Array(capacity);
  currentRow = new Int32Array(capacity);
}

/**
 * The OSA distance between `a` and `b` if it is at most `bound`, otherwise `bound + 1`.
 * Strings are compared by UTF-16 code unit; keys are NFKC and practically all in the BMP.
 */
export function boundedDistance(a: string, b: string, bound: number): number {
  const lengthGap = Math.abs(a.length - b.length);
  if (lengthGap > bound) return bound + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  ensureRowCapacity(b.length);

  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const aChar = a.charCodeAt(i - 1);
    currentRow[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const bChar = b.charCodeAt(j - 1);
      const substitution = previousRow[j - 1]! + (aChar === bChar ? 0 : 1);
      let best = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && aChar === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bChar) {
        best = Math.min(best, rowBeforePrevious[j - 2]! + 1);
      }
      currentRow[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    // A transposition can lower the next row by reading two rows back, but never
    // below this row's minimum, so the early exit stays exact.
    if (rowMinimum > bound) return bound + 1;
    const recycled = rowBeforePrevious;
    rowBeforePrevious = previousRow;
    previousRow = currentRow;
    currentRow = recycled;
  }
  const distance = previousRow[b.length]!;
  return distance <= bound ? distance : bound + 1;
}

/**
 * The same distance, computed for one query against many names: Hyyrö's
 * bit-vector algorithm (2003), which handles all of the query's characters in
 * one 32-bit word per name character — about ten times faster than the table
 * above on typical names. Queries longer than 32 characters fall back to the table.
 */
export class TypoMeasure {
  /** Bit i set where the query's character i is c; ASCII in an array, anything else in a map. */
  private readonly asciiMasks = new Int32Array(128);
  private readonly otherMasks = new Map<number, number>();
  private readonly lastBit: number;

  constructor(private readonly query: string) {
    this.lastBit = 1 << (query.length - 1);
    for (let i = 0; i < query.length && i < 32; i++) {
      const code = query.charCodeAt(i);
      if (code < 128) this.asciiMasks[code]! |= 1 << i;
      else this.otherMasks.set(code, (this.otherMasks.get(code) ?? 0) | (1 << i));
    }
  }

  /** The OSA distance from the query to `name` if at most `bound`, otherwise `bound + 1`. */
  distance(name: string, bound: number): number {
    const m = this.query.length;
    if (m === 0 || m > 32 || Math.abs(m - name.length) > bound) return boundedDistance(this.query, name, bound);
    let vertical = -1; // VP: every cell one more than the cell above (first column 0..m)
    let verticalDown = 0; // VN
    let diagonalZero = 0; // D0
    let previousMask = 0;
    let score = m;
    for (let j = 0; j < name.length; j++) {
      const code = name.charCodeAt(j);
      const mask = code < 128 ? this.asciiMasks[code]! : (this.otherMasks.get(code) ?? 0);
      const transposed = ((~diagonalZero & mask) << 1) & previousMask;
      diagonalZero = (((mask & vertical) + vertical) ^ vertical) | mask | verticalDown | transposed;
      let horizontalUp = verticalDown | ~(diagonalZero | vertical);
      const horizontalDown = diagonalZero & vertical;
      if (horizontalUp & this.lastBit) score++;
      else if (horizontalDown & this.lastBit) score--;
      // Each remaining character can lower the score by at most one.
      if (score - (name.length - j - 1) > bound) return bound + 1;
      horizontalUp = (horizontalUp << 1) | 1; // the top row counts up: comparing whole strings
      vertical = (horizontalDown << 1) | ~(diagonalZero | horizontalUp);
      verticalDown = horizontalUp & diagonalZero;
      previousMask = mask;
    }
    return score <= bound ? score : bound + 1;
  }
}
