import type { EntryKind } from '../schema.js';

/** One catalog entry as the search engine sees it: only the text people search by. */
export interface SearchDoc {
  id: string;
  kind: EntryKind;
  /** Canonical name first, then aliases (English, Japanese, the survey's typos). */
  names: string[];
  /** Weaker text — paper title, full name — matched as words or word prefixes, ranked below names. */
  keywords?: string[];
  /**
   * What the catalog says about the entry (notes in both languages, remarks, a
   * section's overview): matched as descriptive text (text-index.ts), ranked
   * below every name match, and the source of a hit's excerpt.
   */
  descriptions?: string[];
}

/** 'text': found through the description, not a name (see text-index.ts). */
export type MatchHow = 'exact' | 'prefix' | 'word' | 'substring' | 'fuzzy' | 'text';

export interface SearchHit {
  id: string;
  kind: EntryKind;
  /** In (0, 1]; higher is better. Tiers never overlap, see ranking.ts. */
  score: number;
  how: MatchHow;
  /** The name, alias or keyword as written in the catalog, so a reply can say what matched. */
  matched: string;
}

export interface SearchOptions {
  kinds?: readonly EntryKind[];
  limit?: number;
  /**
   * search() and complete() only: after the name matches, entries whose
   * descriptions match the query (a hit needs two words in common; text-index.ts).
   * Off by default, so lookups by name (/topic, /model's first pass, quiz checks) are what they were.
   */
  descriptions?: boolean;
}
