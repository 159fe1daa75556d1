import { typoAllowance } from './distance.js';
import { NameTable } from './name-table.js';
import { normalize, splitWords } from './normalize.js';
import { clearlyAhead, HitCollector, type RankedHit, Tier } from './ranking.js';
import { rowWords } from './row-terms.js';
import { matchExact, matchPrefix, matchSubstring, matchTypos, matchWords } from './stages.js';
import { TextIndex } from './text-index.js';
import { buildTextIndexHere, startTextIndex } from './text-index-job.js';
import { bestExcerpt, type Excerpt, queryTerms } from './text-query.js';
import { TextRows } from './text-rows.js';
import type { SearchDoc, SearchHit, SearchOptions } from './types.js';
import { WordTable } from './word-table.js';

export { normalize } from './normalize.js';
export type { MatchHow, SearchDoc, SearchHit, SearchOptions } from './types.js';
export type { Excerpt } from './text-query.js';

/**
 * Input beyond this is cut before matching: no name is this long, and a pasted
 * essay should cost what a sentence costs. Words beyond MAX_QUERY_WORDS likewise.
 */
const MAX_QUERY_CHARS = 512;
const MAX_QUERY_WORDS = 8;
/** Descriptive terms a query may bring (a Japanese sentence makes one per character pair). */
const MAX_QUERY_TERMS = 48;

/**
 * When no name matches, a description's best entry is answered alone only if
 * its BM25F score is at least this many times the runner-up's; otherwise the
 * command lists the top three as "did you mean". Measured on the descriptive
 * query table (bench/descriptive-margin.ts; README, "Search"): see there for
 * how often the first hit is right above and below this ratio.
 */
export const DESCRIPTION_LEAD = 2;

/** A description lookup: the hits best first, and whether the first is clearly ahead. */
export interface DescribedHits {
  hits: SearchHit[];
  clearlyAhead: boolean;
  /** BM25F scores of the hits, in the same order (for the benchmark's margin measurement). */
  scores: number[];
}

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
  /** Kept only while the text index is still to be built on first use. */
  private rows: TextRows | undefined;
  private textIndex: TextIndex | undefined;
  private readonly textOnFirstUse: boolean;
  private docIndexById: Map<string, number> | undefined;

  /**
   * `descriptionsOnFirstUse`: build the description index when a query first
   * needs it. Lookups by name never do, and the one-shot CLI answers
   * `/model X3D` without paying for it.
   */
  constructor(docs: readonly SearchDoc[], options: { descriptionsOnFirstUse?: boolean } = {}) {
    this.docs = [...docs];
    this.textOnFirstUse = options.descriptionsOnFirstUse ?? false;
    // Started first: for a large catalog a second thread cuts the descriptions into terms meanwhile.
    const textIndex = this.textOnFirstUse ? undefined : startTextIndex(this.docs);
    const rows = new TextRows(this.docs); // every name and keyword split into words once, for all three indexes
    // Given to the thread before the name tables are built here, so that it builds the postings meanwhile.
    textIndex?.give(rowWords(rows));
    this.names = new NameTable(rows);
    this.words = new WordTable(rows);
    if (textIndex) this.textIndex = new TextIndex(textIndex.wait().parts);
    else this.rows = rows;
  }

  private get text(): TextIndex {
    if (!this.textIndex) {
      this.textIndex = new TextIndex(buildTextIndexHere(this.docs, this.rows));
      this.rows = undefined;
    }
    return this.textIndex;
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

  /**
   * Descriptions only, for /model and /dataset once no name matched: the best
   * entries by BM25F, and whether the first leads the second by DESCRIPTION_LEAD.
   */
  describe(query: string, options?: SearchOptions): DescribedHits {
    const limit = Math.max(1, Math.floor(options?.limit ?? 3));
    const kinds = options?.kinds && options.kinds.length > 0 ? new Set(options.kinds) : undefined;
    const ranked = this.text.rank(this.termsOf(query), Math.max(2, limit), (doc) => !kinds || kinds.has(this.docs[doc]!.kind));
    const [first, second] = ranked;
    const clearlyAhead = first !== undefined && (second === undefined || first.score >= DESCRIPTION_LEAD * second.score);
    const shown = ranked.slice(0, limit);
    return {
      hits: shown.map(({ doc, score }) => ({ id: this.docs[doc]!.id, kind: this.docs[doc]!.kind, score: textScore(score), how: 'text', matched: this.docs[doc]!.names[0]! })),
      clearlyAhead,
      scores: shown.map((hit) => hit.score),
    };
  }

  /** The sentence of the entry's description that this query matched, matched words marked. */
  excerpt(query: string, id: string): Excerpt | undefined {
    this.docIndexById ??= new Map(this.docs.map((doc, at) => [doc.id, at]));
    const at = this.docIndexById.get(id);
    const descriptions = at === undefined ? undefined : this.docs[at]!.descriptions;
    return descriptions ? bestExcerpt(descriptions, this.termsOf(query), this.text) : undefined;
  }

  private termsOf(query: string): string[] {
    return queryTerms(query.length > MAX_QUERY_CHARS ? query.slice(0, MAX_QUERY_CHARS) : query, this.text).slice(0, MAX_QUERY_TERMS);
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
    if (options?.descriptions && plan !== SUGGEST) {
      stages.push(() => {
        for (const { doc, score } of this.text.rank(this.termsOf(text), limit, (doc) => collector.wants(doc))) {
          collector.offer(doc, Tier.text, textCloseness(score), this.docs[doc]!.names[0]!, 255);
        }
      });
    }
    for (const stage of stages) {
      if (collector.full) break;
      stage();
    }
    return collector.ranked();
  }
}

/** A BM25F score mapped into (0, 1), increasing: the closeness within the description tier. */
function textCloseness(score: number): number {
  return score / (score + 10);
}

/** The score a description hit carries in SearchHit.score: inside the description band (ranking.ts). */
function textScore(score: number): number {
  return Math.max(1e-6, Math.round(0.099 * textCloseness(score) * 1e6) / 1e6);
}
