import { termId, type TermTable } from './term-table.js';
import type { TextIndexParts } from './text-index-build.js';

/**
 * BM25F over what the catalog says about each entry: its names, its titles
 * (paper title, full name, a section's key terms) and its descriptions (notes
 * in both languages, a dataset's remarks, a section's overview). Built by
 * text-index-build.ts (on a second thread for a large catalog,
 * text-index-job.ts); this file answers queries.
 */

/** Distinct query terms a doc must match to be a description hit (see rank()). */
const MIN_MATCHED_TERMS = 2;

export interface TextHit {
  doc: number;
  score: number;
}

export class TextIndex {
  private readonly terms: TermTable;
  /** See TextIndexParts. */
  private readonly postingStart: Int32Array;
  private readonly postingDoc: Int32Array;
  private readonly postingScore: Float64Array;
  private readonly idf: Float64Array;
  private readonly scores: Float64Array;
  private readonly matchedTerms: Uint8Array;
  private readonly touched: Int32Array;
  /** rank(): 1 for docs of the terms after the spared list (sparedList), 0 between queries. */
  private readonly laterTerm: Uint8Array;

  constructor(parts: TextIndexParts) {
    // A fresh object, not the one another thread's message was read into: that one's hidden class
    // is not the one rank() is optimized for, which cost every query a deoptimization.
    const { slots, chars, charStart } = parts.terms;
    this.terms = { slots, chars, charStart };
    ({ postingStart: this.postingStart, postingDoc: this.postingDoc, postingScore: this.postingScore, idf: this.idf } = parts);
    this.scores = new Float64Array(parts.docCount);
    this.matchedTerms = new Uint8Array(parts.docCount);
    this.touched = new Int32Array(parts.docCount);
    this.laterTerm = new Uint8Array(parts.docCount);
  }

  /** Whether a term occurs anywhere (queries use it to tell a loanword typed in hiragana from a particle). */
  has(term: string): boolean {
    return termId(this.terms, term) >= 0;
  }

  /** The term's idf, 0 for an unknown term: how much a match on it says. */
  weightOf(term: string): number {
    const id = termId(this.terms, term);
    return id < 0 ? 0 : this.idf[id]!;
  }

  /**
   * Docs scored by BM25F for these terms, best first; `wants` filters docs before they are ranked.
   * A doc must match at least MIN_MATCHED_TERMS distinct terms: one word in common is a name's
   * business (the name index answers it), not evidence that a description was meant.
   */
  rank(queryTerms: readonly string[], limit: number, wants: (doc: number) => boolean): TextHit[] {
    const { postingStart, postingDoc, postingScore, matchedTerms, touched, scores, laterTerm } = this; // locals for the hot loops
    const ids: number[] = [];
    for (const term of new Set(queryTerms)) {
      const id = termId(this.terms, term);
      if (id >= 0) ids.push(id);
    }
    if (ids.length < MIN_MATCHED_TERMS) return [];
    const longest = this.sparedList(ids);
    for (let at = longest + 1; longest >= 0 && at < ids.length; at++) {
      for (let p = postingStart[ids[at]!]!, end = postingStart[ids[at]! + 1]!; p < end; p++) laterTerm[postingDoc[p]!] = 1;
    }
    let touchedCount = 0;
    for (let term = 0; term < ids.length; term++) {
      const id = ids[term]!;
      const spared = term === longest;
      for (let at = postingStart[id]!, end = postingStart[id + 1]!; at < end; at++) {
        const doc = postingDoc[at]!;
        const matched = matchedTerms[doc]!;
        if (spared && matched === 0 && laterTerm[doc] === 0) continue; // this term alone: fewer than MIN_MATCHED_TERMS
        if (matched === 0) touched[touchedCount++] = doc;
        if (matched < 255) matchedTerms[doc] = matched + 1;
        scores[doc]! += postingScore[at]!; // in query order, as every doc's sum always is
      }
    }
    for (let at = longest + 1; longest >= 0 && at < ids.length; at++) {
      for (let p = postingStart[ids[at]!]!, end = postingStart[ids[at]! + 1]!; p < end; p++) laterTerm[postingDoc[p]!] = 0;
    }
    const hits: TextHit[] = [];
    // Keep only the best `limit` while reading the touched docs: a sorted small array beats sorting thousands.
    for (let at = 0; at < touchedCount; at++) {
      const doc = this.touched[at]!;
      const score = this.scores[doc]!;
      const matched = this.matchedTerms[doc]!;
      this.scores[doc] = 0;
      this.matchedTerms[doc] = 0;
      if (matched < MIN_MATCHED_TERMS) continue;
      if (hits.length === limit && score <= hits[limit - 1]!.score) continue;
      if (!wants(doc)) continue;
      let place = hits.length === limit ? limit - 1 : hits.length;
      if (hits.length < limit) hits.push({ doc, score });
      while (place > 0 && (hits[place - 1]!.score < score || (hits[place - 1]!.score === score && hits[place - 1]!.doc > doc))) {
        hits[place] = hits[place - 1]!;
        place--;
      }
      hits[place] = { doc, score };
    }
    return hits;
  }

  /**
   * The term whose postings rank() reads only for docs another term also has: the longest list,
   * when it is longer than the lists after it together (they are read once more to mark their
   * docs). A common word ("dataset", 学習) would otherwise touch most of the catalog for nothing:
   * a doc it alone matches has one term, fewer than MIN_MATCHED_TERMS. -1 when none pays.
   */
  private sparedList(ids: readonly number[]): number {
    const length = (id: number) => this.postingStart[id + 1]! - this.postingStart[id]!;
    let longest = 0;
    for (let at = 1; at < ids.length; at++) if (length(ids[at]!) > length(ids[longest]!)) longest = at;
    let later = 0;
    for (let at = longest + 1; at < ids.length; at++) later += length(ids[at]!);
    return length(ids[longest]!) > later ? longest : -1;
  }
}
