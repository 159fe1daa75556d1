import { typoAllowance } from './distance.js';
import { NameTable } from './name-table.js';
import { normalize, splitWords } from './normalize.js';
import { clearlyAhead, HitCollector, type RankedHit } from './ranking.js';
import { matchExact, matchPrefix, matchSubstring, matchTypos, matchWords } from './stages.js';
import { TextRows } from './text-rows.js';
import type { SearchDoc, SearchHit, SearchOptions } from './types.js';
import { WordTable } from './word-table.js';

export { normalize } from './normalize.js';
export type { MatchHow, SearchDoc, SearchHit, SearchOptions } from './types.js';

/**
 * Input beyond this is cut before matching: no name is this long, and a pasted
 * essay should cost what a sentence costs. Words beyond MAX_QUERY_WORDS likewise.
 */
const MAX_QUERY_CHARS = 512;
const MAX_QUERY_WORDS = 8;

/** What a public method asks of the shared pipeline. */
interface Plan {
  defaultLimit: number;
  /** Extra typos allowed beyond typoAllowance(); undefined = no fuzzy stage at all. */
  extraTypos: number | undefined;
}

const SEARCH: Plan = { defaultLimit: 10, extraTypos: 0 };
const SUGGEST: Plan = { defaultLimit: 3, extraTypos: 1 };
const COMPLETE: Plan = { defaultLimit: 25, extraTypos: undefined };

/**
 * The search engine every command shares: build once from the catalog, then
 * query. Matching and ranking are described in ranking.ts; the data structures
 * in name-table.ts and word-table.ts.
 */
export class SearchIndex {
  private readonly docs: readonly SearchDoc[];
  private readonly names: NameTable;
  private readonly words: WordTable;

  constructor(docs: readonly SearchDoc[]) {
    this.docs = [...docs];
    const text = new TextRows(this.docs); // every name and keyword split into words once, for both tables
    this.names = new NameTable(text);
    this.words = new WordTable(text);
  }

  /** Ranked hits, best first, one per id; default limit 10. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.collect(query, options, SEARCH).map((ranked) => ranked.hit);
  }

  /**
   * A single answer only when it is clearly the one: the best hit must sit in a
   * strictly better tier than the runner-up (an exact name beats prefixes of
   * longer names; a unique prefix; one fuzzy match closer than all others), or
   * be a prefix that covers most of its name where the others' cover little
   * (ranking.ts, clearlyAhead). "efficient" — a prefix of four models — gives
   * undefined so the command can list them.
   */
  best(query: string, options?: SearchOptions): SearchHit | undefined {
    const [first, second] = this.collect(query, { kinds: options?.kinds, limit: 2 }, SEARCH);
    if (!first) return undefined;
    return !second || clearlyAhead(first, second, normalize(query).length) ? first.hit : undefined;
  }

  /** "Did you mean": like search, but tolerating one more typo; up to 3 by default. */
  suggest(query: string, options?: SearchOptions): SearchHit[] {
    return this.collect(query, options, SUGGEST).map((ranked) => ranked.hit);
  }

  /** Autocomplete while typing: exact and prefix matches first, then words and substrings; up to 25. */
  complete(prefix: string, options?: SearchOptions): SearchHit[] {
    return this.collect(prefix, options, COMPLETE).map((ranked) => ranked.hit);
  }

  private collect(query: string, options: SearchOptions | undefined, plan: Plan): RankedHit[] {
    const limit = Math.floor(options?.limit ?? plan.defaultLimit);
    if (!(limit > 0)) return [];
    const text = query.length > MAX_QUERY_CHARS ? query.slice(0, MAX_QUERY_CHARS) : query;
    const key = normalize(text);
    if (key.length === 0) return [];

    const collector = new HitCollector(this.docs, options?.kinds, limit);
    const stages = [
      () => matchExact(this.names, key, collector),
      () => matchPrefix(this.names, key, collector),
      () => matchWords(this.words, splitWords(text).slice(0, MAX_QUERY_WORDS), key.length, collector),
      () => matchSubstring(this.names, key, collector),
    ];
    if (plan.extraTypos !== undefined) {
      const allowance = typoAllowance(key.length);
      const bound = key.length >= 3 ? allowance + plan.extraTypos : 0;
      stages.push(() => matchTypos(this.names, key, bound, collector));
    }
    for (const stage of stages) {
      if (collector.full) break;
      stage();
    }
    return collector.ranked();
  }
}
