import { GramIds, grow, PostingLists, PostingsBuilder } from './grams.js';
import { StringIds } from './string-ids.js';
import type { TextRows } from './text-rows.js';

/**
 * The construction of a NameTable, one small function per pass so each hot loop
 * is compiled on its own: which name rows become entries, their order, the exact
 * key chains and the gram lists. Typed arrays and counting sorts throughout.
 */
export interface NameParts {
  keys: string[];
  originals: string[];
  docOf: Int32Array;
  position: Uint8Array;
  firstOfLength: Int32Array;
  keyIds: StringIds;
  firstWithKey: Int32Array;
  nextWithKey: Int32Array;
  gramIds: GramIds;
  grams: PostingLists;
  leadGrams: PostingLists;
  characterIds: GramIds;
  leadCharacters: PostingLists;
}

export function buildNameParts(text: TextRows): NameParts {
  const { rows, keys } = distinctNameRows(text);
  const { order, firstOfLength } = orderByLength(keys);
  const count = rows.length;
  const parts = {
    keys: new Array<string>(count),
    originals: new Array<string>(count),
    docOf: new Int32Array(count),
    position: new Uint8Array(count),
    firstOfLength,
  };
  for (let entry = 0; entry < count; entry++) {
    const candidate = order[entry]!;
    const row = rows[candidate]!;
    parts.keys[entry] = keys[candidate]!;
    parts.originals[entry] = text.texts[row]!;
    parts.docOf[entry] = text.rowDoc[row]!;
    parts.position[entry] = text.rowPosition[row]!;
  }
  const hashes = new Int32Array(count);
  for (let entry = 0; entry < count; entry++) hashes[entry] = text.rowKeyHash[rows[order[entry]!]!]!;
  return { ...parts, ...chainEqualKeys(parts.keys, hashes), ...gramLists(parts.keys) };
}

/**
 * The name rows that become entries: not keywords, not empty in key form, and
 * not a repeat of a key the same doc already has ("DALL-E" and "DALLE").
 */
function distinctNameRows(text: TextRows): { rows: Int32Array; keys: string[] } {
  const rows: number[] = [];
  const keys: string[] = [];
  for (let doc = 0; doc < text.docCount; doc++) {
    const firstOfDoc = keys.length;
    for (let row = text.docFirstRow[doc]!; row < text.docFirstRow[doc + 1]!; row++) {
      if (text.rowIsKeyword[row] || text.rowKeyLength[row] === 0) continue;
      const key = text.keyOf(row);
      let repeated = false;
      for (let earlier = firstOfDoc; earlier < keys.length && !repeated; earlier++) repeated = keys[earlier] === key;
      if (repeated) continue;
      rows.push(row);
      keys.push(key);
    }
  }
  return { rows: Int32Array.from(rows), keys };
}

/** A stable counting sort by key length: entry order is (length, catalog order). */
function orderByLength(keys: readonly string[]): { order: Int32Array; firstOfLength: Int32Array } {
  let longest = 0;
  for (const key of keys) if (key.length > longest) longest = key.length;
  const firstOfLength = new Int32Array(longest + 2);
  for (const key of keys) firstOfLength[key.length + 1]!++;
  for (let length = 1; length <= longest + 1; length++) firstOfLength[length]! += firstOfLength[length - 1]!;
  const cursor = firstOfLength.slice(0, longest + 1);
  const order = new Int32Array(keys.length);
  for (let candidate = 0; candidate < keys.length; candidate++) order[cursor[keys[candidate]!.length]!++] = candidate;
  return { order, firstOfLength };
}

/** Numbers the distinct keys and links the entries that share one, in entry order. */
function chainEqualKeys(keys: readonly string[], hashes: Int32Array): Pick<NameParts, 'keyIds' | 'firstWithKey' | 'nextWithKey'> {
  const keyIds = new StringIds(keys.length);
  const firstWithKey = new Int32Array(keys.length);
  const lastWithKey = new Int32Array(keys.length);
  const nextWithKey = new Int32Array(keys.length).fill(-1);
  for (let entry = 0; entry < keys.length; entry++) {
    const known = keyIds.size;
    const keyId = keyIds.intern(keys[entry]!, hashes[entry]!);
    if (keyId === known) firstWithKey[keyId] = entry;
    else nextWithKey[lastWithKey[keyId]!] = entry;
    lastWithKey[keyId] = entry;
  }
  return { keyIds, firstWithKey: firstWithKey.slice(0, keyIds.size), nextWithKey };
}

/**
 * Every two-character gram of every key → entries; and entries by first gram and
 * by first character. The big list is packed in two passes over the keys — count,
 * then place — so it needs no buffer of (gram, entry) pairs on the way. Each pass
 * is its own function: V8 optimizes a long loop while it runs, and code after the
 * loop in the same function would cost a deoptimization the first time it runs.
 */
function gramLists(keys: readonly string[]): Pick<NameParts, 'gramIds' | 'grams' | 'leadGrams' | 'characterIds' | 'leadCharacters'> {
  const gramIds = new GramIds();
  const { occurrences, entriesWith } = countGrams(keys, gramIds);
  const starts = new Int32Array(gramIds.count + 1);
  for (let gram = 0; gram < gramIds.count; gram++) starts[gram + 1] = starts[gram]! + entriesWith[gram]!;
  const characterIds = new GramIds();
  const lead = leadLists(keys, occurrences, characterIds);
  return {
    gramIds,
    grams: new PostingLists(starts, placeGrams(keys, occurrences, starts)),
    leadGrams: lead.grams.build(gramIds.count),
    characterIds,
    leadCharacters: lead.characters.build(characterIds.count),
  };
}

/** The gram id at each position of each key, in order (-1 where the key already had that gram), and how many entries have each. */
function countGrams(keys: readonly string[], gramIds: GramIds): { occurrences: Int32Array; entriesWith: Int32Array } {
  let gramCount = 0;
  for (const key of keys) gramCount += Math.max(0, key.length - 1);
  const occurrences = new Int32Array(gramCount);
  let entriesWith: Int32Array = new Int32Array(4096);
  let lastEntry: Int32Array = new Int32Array(4096).fill(-1);
  let next = 0;
  for (let entry = 0; entry < keys.length; entry++) {
    const key = keys[entry]!;
    let previous = key.charCodeAt(0);
    for (let at = 1, keyLength = key.length; at < keyLength; at++) {
      const current = key.charCodeAt(at);
      const gram = gramIds.add(previous, current);
      if (gram >= entriesWith.length) {
        entriesWith = grow(entriesWith);
        const grown = new Int32Array(entriesWith.length).fill(-1);
        grown.set(lastEntry);
        lastEntry = grown;
      }
      if (lastEntry[gram] === entry) {
        occurrences[next++] = -1;
      } else {
        lastEntry[gram] = entry;
        entriesWith[gram]!++;
        occurrences[next++] = gram;
      }
      previous = current;
    }
  }
  return { occurrences, entriesWith };
}

/** Entry numbers placed into each gram's list, ascending. */
function placeGrams(keys: readonly string[], occurrences: Int32Array, starts: Int32Array): Int32Array {
  const cursor = starts.slice(0, starts.length - 1);
  const items = new Int32Array(starts[starts.length - 1]!);
  let next = 0;
  for (let entry = 0; entry < keys.length; entry++) {
    for (let at = keys[entry]!.length - 1; at > 0; at--) {
      const gram = occurrences[next++]!;
      if (gram >= 0) items[cursor[gram]!++] = entry;
    }
  }
  return items;
}

function leadLists(keys: readonly string[], occurrences: Int32Array, characterIds: GramIds): { grams: PostingsBuilder; characters: PostingsBuilder } {
  const grams = new PostingsBuilder(keys.length);
  const characters = new PostingsBuilder(keys.length);
  let next = 0;
  for (let entry = 0; entry < keys.length; entry++) {
    const key = keys[entry]!;
    characters.add(characterIds.add(key.charCodeAt(0), 0), entry);
    if (key.length >= 2) grams.add(occurrences[next]!, entry);
    next += Math.max(0, key.length - 1);
  }
  return { grams, characters };
}
