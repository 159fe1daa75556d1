import { RowTerms } from './row-terms.js';
import { TermStream } from './term-stream.js';
import type { TextRows } from './text-rows.js';
import type { SearchDoc } from './types.js';

/**
 * BM25F over what the catalog says about each entry: its names, its titles
 * (paper title, full name, a section's key terms) and its descriptions (notes
 * in both languages, a dataset's remarks, a section's overview).
 *
 * Per term, one posting list of (doc, weighted term frequency): each field's
 * count is normalised by that field's length against the field's average
 * (b = 0.75), weighted (names 3, titles 2, descriptions 1), and summed, then
 * saturated once with k1 = 1.2 and multiplied by the term's idf — Robertson &
 * Zaragoza's BM25F. A name word weighs three note words, so a query that
 * names an entry in passing ("the NeRF with …") leans towards NeRFs.
 */
const FIELD_WEIGHTS = [3, 2, 1] as const;
const B = 0.75;
const K1 = 1.2;
/** Distinct query terms a doc must match to be a description hit (see rank()). */
const MIN_MATCHED_TERMS = 2;

export interface TextHit {
  doc: number;
  score: number;
}

export class TextIndex {
  private readonly termIds = new Map<string, number>();
  /**
   * Term t's postings are postingDoc/postingScore[postingStart[t] .. postingStart[t + 1]). A posting
   * holds what it adds to a doc's score — the term's idf times the saturated weight, computed once
   * here by the same expression a query would evaluate, so scores are the same to the last bit.
   */
  private readonly postingStart: Int32Array;
  private readonly postingDoc: Int32Array;
  private readonly postingScore: Float64Array;
  private readonly idf: Float64Array;
  private readonly scores: Float64Array;
  private readonly matchedTerms: Uint8Array;
  private readonly touched: Int32Array;
  /** rank(): 1 for docs of the terms after the spared list (sparedList), 0 between queries. */
  private readonly laterTerm: Uint8Array;

  /** `rows`, when given, must be TextRows of the same docs: their names and titles are not split again. */
  constructor(docs: readonly SearchDoc[], rows?: TextRows) {
    const fields = tokenizeFields(docs, this.termIds, rows);
    const termCount = this.termIds.size;
    this.postingStart = countPostings(fields, docs.length, termCount);
    const postingCount = this.postingStart[termCount]!;
    this.postingDoc = new Int32Array(postingCount);
    this.postingScore = new Float64Array(postingCount);
    weighTerms(fields, docs.length, termCount, this.postingStart, this.postingDoc, this.postingScore);
    this.idf = new Float64Array(termCount);
    for (let term = 0; term < termCount; term++) {
      const df = this.postingStart[term + 1]! - this.postingStart[term]!;
      const idf = (this.idf[term] = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
      for (let at = this.postingStart[term]!; at < this.postingStart[term + 1]!; at++) {
        const weight = this.postingScore[at]!;
        this.postingScore[at] = (idf * weight * (K1 + 1)) / (weight + K1);
      }
    }
    this.scores = new Float64Array(docs.length);
    this.matchedTerms = new Uint8Array(docs.length);
    this.touched = new Int32Array(docs.length);
    this.laterTerm = new Uint8Array(docs.length);
  }

  /** Whether a term occurs anywhere (queries use it to tell a loanword typed in hiragana from a particle). */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** The term's idf, 0 for an unknown term: how much a match on it says. */
  weightOf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.idf[id]!;
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
      const id = this.termIds.get(term);
      if (id !== undefined) ids.push(id);
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

/** Every field's term ids in one flat array: field f of doc d is ids[fieldEnd[3d + f] .. fieldEnd[3d + f + 1]). */
interface Fields {
  ids: Int32Array;
  fieldEnd: Int32Array;
  /** Average length of each field over the docs. */
  averages: number[];
}

function tokenizeFields(docs: readonly SearchDoc[], termIds: Map<string, number>, rows: TextRows | undefined): Fields {
  let characters = 0;
  for (const { names, keywords = [], descriptions = [] } of docs) {
    for (const texts of [names, keywords, descriptions]) for (const text of texts) characters += text.length;
  }
  const stream = new TermStream(termIds, characters >>> 2); // about one term per six characters in the catalog
  const rowTerms = rows && new RowTerms(rows, stream);
  const fieldEnd = new Int32Array(3 * docs.length + 1);
  const totals = [0, 0, 0];
  for (let doc = 0; doc < docs.length; doc++) {
    const { names, keywords, descriptions } = docs[doc]!;
    for (let field = 0; field < 3; field++) {
      const texts = field === 0 ? names : field === 1 ? keywords : descriptions;
      if (rowTerms && field < 2) rowTerms.add(rows.docFirstRow[doc]!, rows.docFirstRow[doc + 1]!, field);
      else if (texts) for (const text of texts) stream.add(text);
      fieldEnd[3 * doc + field + 1] = stream.size;
      totals[field]! += fieldEnd[3 * doc + field + 1]! - fieldEnd[3 * doc + field]!;
    }
  }
  const averages = totals.map((total) => Math.max(1, total / Math.max(1, docs.length)));
  return { ids: stream.ids, fieldEnd, averages };
}

/** Where each term's postings start: one per doc that has the term (the end of the last list at termCount). */
function countPostings({ ids, fieldEnd }: Fields, docCount: number, termCount: number): Int32Array {
  const starts = new Int32Array(termCount + 1);
  const lastDoc = new Int32Array(termCount).fill(-1);
  for (let doc = 0; doc < docCount; doc++) {
    for (let at = fieldEnd[3 * doc]!, end = fieldEnd[3 * doc + 3]!; at < end; at++) {
      const id = ids[at]!;
      if (lastDoc[id] === doc) continue;
      lastDoc[id] = doc;
      starts[id + 1]!++;
    }
  }
  for (let term = 0; term < termCount; term++) starts[term + 1]! += starts[term]!;
  return starts;
}

/**
 * Per doc, each term's weighted frequency (BM25F): field counts length-normalised and weighted,
 * summed, rounded to a float32 (as the index has always stored it), written straight into the
 * term's posting list — docs arrive in order, so every list comes out sorted by doc.
 */
function weighTerms({ ids, fieldEnd, averages }: Fields, docCount: number, termCount: number, starts: Int32Array, postingDoc: Int32Array, postingWeight: Float64Array): void {
  const accumulated = new Float64Array(termCount);
  const docTerms = new Int32Array(termCount);
  const next = starts.slice(0, termCount);
  for (let doc = 0; doc < docCount; doc++) {
    let distinct = 0;
    for (let field = 0; field < 3; field++) {
      const from = fieldEnd[3 * doc + field]!;
      const to = fieldEnd[3 * doc + field + 1]!;
      const norm = FIELD_WEIGHTS[field]! / (1 - B + (B * (to - from)) / averages[field]!);
      for (let at = from; at < to; at++) {
        const id = ids[at]!;
        if (accumulated[id] === 0) docTerms[distinct++] = id;
        accumulated[id]! += norm;
      }
    }
    for (let at = 0; at < distinct; at++) {
      const id = docTerms[at]!;
      const slot = next[id]!++;
      postingDoc[slot] = doc;
      postingWeight[slot] = Math.fround(accumulated[id]!);
      accumulated[id] = 0;
    }
  }
}
