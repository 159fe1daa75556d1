import type { NameTable } from './name-table.js';
import { closeness, type HitCollector, Tier } from './ranking.js';
import type { WordTable } from './word-table.js';

/**
 * One function per match tier. Each offers hits to the collector; the caller
 * runs them best tier first and stops once the collector is full.
 */

/** Word prefixes shorter than this match too many words to mean anything ("a" → every "a…" word). */
const MIN_WORD_PREFIX = 3;
/** How many distinct words one word prefix may expand to; keeps "net…" from touching every title. */
const MAX_PREFIX_EXPANSIONS = 64;

export function matchExact(names: NameTable, key: string, collector: HitCollector): void {
  for (const entry of names.exact(key)) {
    const position = names.position[entry]!;
    const tier = position === 0 ? Tier.exactName : Tier.exactAlias;
    collector.offer(names.docOf[entry]!, tier, 1, names.originals[entry]!, position);
  }
}

/**
 * Offers entries that arrive shortest first. Score within the tier depends only
 * on length, so once the collector is full, names longer than the last one
 * offered can no longer get in and the walk stops.
 */
function offerShortestFirst(names: NameTable, entries: Iterable<number>, key: string, tier: number, collector: HitCollector): void {
  let lengthWhenFull = -1;
  for (const entry of entries) {
    const nameLength = names.keys[entry]!.length;
    if (lengthWhenFull >= 0 && nameLength > lengthWhenFull) return;
    if (!collector.wants(names.docOf[entry]!)) continue;
    collector.offer(names.docOf[entry]!, tier, closeness(key.length, nameLength), names.originals[entry]!, names.position[entry]!);
    if (lengthWhenFull < 0 && collector.full) lengthWhenFull = nameLength;
  }
}

export function matchPrefix(names: NameTable, key: string, collector: HitCollector): void {
  offerShortestFirst(names, names.prefixed(key), key, Tier.prefix, collector);
}

/**
 * Every query word must be a word (or the start of one) of the doc. The rarest
 * query word drives — "detr", not "efficient", in "efficient detr" — and the
 * others are checked per candidate doc. A name's word always ranks above a keyword's word.
 */
export function matchWords(words: WordTable, queryWords: readonly string[], keyLength: number, collector: HitCollector): void {
  if (queryWords.length === 0) return;
  const driverAt = rarestWord(words, queryWords);
  const driver = queryWords[driverAt]!;
  const others = queryWords.filter((_, at) => at !== driverAt);

  const visit = (fields: Int32Array | undefined, driverIsWhole: boolean): boolean => {
    if (!fields) return true;
    for (const field of fields) {
      if (collector.full) return false;
      const doc = words.fieldDoc[field]!;
      if (!collector.wants(doc) || !others.every((word) => words.docHas(doc, word, true))) continue;
      const whole = driverIsWhole && others.every((word) => words.docHas(doc, word, false));
      const ratio = Math.min(1, keyLength / words.fieldKeyLength[field]!);
      const nearness = words.fieldIsKeyword[field] ? 0.5 * ratio : 0.5 + 0.5 * ratio;
      collector.offer(doc, whole ? Tier.word : Tier.wordPrefix, nearness, words.fieldText[field]!, words.fieldPosition[field]!);
    }
    return true;
  };

  if (!visit(words.fieldsWith(driver), true) || driver.length < MIN_WORD_PREFIX) return;
  let expansions = 0;
  for (const word of words.wordsStartingWith(driver)) {
    if (++expansions > MAX_PREFIX_EXPANSIONS || !visit(words.fieldsWith(word), false)) return;
  }
}

/** The word with the shortest posting list; a word that is only a prefix of others counts as common. */
function rarestWord(words: WordTable, queryWords: readonly string[]): number {
  const weight = (word: string) => words.fieldsWith(word)?.length ?? Number.MAX_SAFE_INTEGER - word.length;
  return queryWords.reduce((best, word, at) => (weight(word) < weight(queryWords[best]!) ? at : best), 0);
}

export function matchSubstring(names: NameTable, key: string, collector: HitCollector): void {
  offerShortestFirst(names, names.containing(key), key, Tier.substring, collector);
}

export function matchTypos(names: NameTable, key: string, bound: number, collector: HitCollector): void {
  for (const [entry, distance] of names.typos(key, bound)) {
    const nameLength = names.keys[entry]!.length;
    const nearness = closeness(Math.min(key.length, nameLength), Math.max(key.length, nameLength));
    collector.offer(names.docOf[entry]!, Tier.fuzzy + distance - 1, nearness, names.originals[entry]!, names.position[entry]!);
  }
}
