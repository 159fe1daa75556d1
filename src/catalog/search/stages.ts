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
    collector.offer(names.docOf[entry]!, tier, closeness(1, 1, position), names.originals[entry]!);
  }
}

export function matchPrefix(names: NameTable, key: string, collector: HitCollector): void {
  for (const entry of names.prefixed(key)) {
    const nearness = closeness(key.length, names.keys[entry]!.length, names.position[entry]!);
    collector.offer(names.docOf[entry]!, Tier.prefix, nearness, names.originals[entry]!);
  }
}

/**
 * Every query word must be a word (or the start of one) of the doc. The longest
 * query word drives — it is usually the rarest — and the others are checked
 * per candidate doc. A name's word always ranks above a keyword's word.
 */
export function matchWords(words: WordTable, queryWords: readonly string[], keyLength: number, collector: HitCollector): void {
  if (queryWords.length === 0) return;
  const driverAt = queryWords.reduce((best, word, at) => (word.length > queryWords[best]!.length ? at : best), 0);
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
      collector.offer(doc, whole ? Tier.word : Tier.wordPrefix, nearness, words.fieldText[field]!);
    }
    return true;
  };

  if (!visit(words.fieldsWith(driver), true) || driver.length < MIN_WORD_PREFIX) return;
  let expansions = 0;
  for (const word of words.wordsStartingWith(driver)) {
    if (++expansions > MAX_PREFIX_EXPANSIONS || !visit(words.fieldsWith(word), false)) return;
  }
}

export function matchSubstring(names: NameTable, key: string, collector: HitCollector): void {
  for (const entry of names.containing(key)) {
    if (collector.full) return;
    const doc = names.docOf[entry]!;
    const nearness = closeness(key.length, names.keys[entry]!.length, names.position[entry]!);
    collector.offer(doc, Tier.substring, nearness, names.originals[entry]!);
  }
}

export function matchTypos(names: NameTable, key: string, bound: number, collector: HitCollector): void {
  for (const [entry, distance] of names.typos(key, bound)) {
    const nameLength = names.keys[entry]!.length;
    const nearness = closeness(Math.min(key.length, nameLength), Math.max(key.length, nameLength), names.position[entry]!);
    collector.offer(names.docOf[entry]!, Tier.fuzzy + distance - 1, nearness, names.originals[entry]!);
  }
}
