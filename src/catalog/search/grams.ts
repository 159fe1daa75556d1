/**
 * Two-character grams as numbers (two UTF-16 code units side by side), so the
 * posting map is keyed by numbers rather than by millions of tiny strings.
 */
export function gramAt(key: string, at: number): number {
  return key.charCodeAt(at) * 0x10000 + key.charCodeAt(at + 1);
}

/** For each gram, the entries containing it, ascending and without repeats. */
export function buildGramPostings(keys: readonly string[]): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  keys.forEach((key, entry) => {
    for (let at = 0; at + 1 < key.length; at++) {
      const gram = gramAt(key, at);
      let list = lists.get(gram);
      if (!list) lists.set(gram, (list = []));
      if (list[list.length - 1] !== entry) list.push(entry);
    }
  });
  const postings = new Map<number, Int32Array>();
  for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
  return postings;
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
