import type { DescriptionTerms } from './description-terms.js';
import type { NameTerms } from './row-terms.js';
import { termTable, termTableBuffers, type TermTable } from './term-table.js';

export { DescriptionCutter } from './description-terms.js';
export { nameTerms } from './row-terms.js';
export { codedChunk } from './text-fields.js';

/**
 * The text index (text-index.ts) from the terms of each doc's fields: BM25F
 * per (term, doc). Per term, one posting list of (doc, weighted term
 * frequency): each field's count is normalised by that field's length against
 * the field's average (b = 0.75), weighted (names 3, titles 2, descriptions 1),
 * and summed, then saturated once with k1 = 1.2 and multiplied by the term's
 * idf — Robertson & Zaragoza's BM25F. A name word weighs three note words, so
 * a query that names an entry in passing ("the NeRF with …") leans towards NeRFs.
 *
 * Numbers in, numbers out, so that it can run on the second thread that cut
 * the descriptions into terms (text-index-job.ts).
 */
const FIELD_WEIGHTS = [3, 2, 1] as const;
const B = 0.75;
const K1 = 1.2;

/** A built text index. Term t is the one termId() finds t for in `terms`; its postings are postingDoc/postingScore[postingStart[t] .. postingStart[t + 1]). */
export interface TextIndexParts {
  docCount: number;
  terms: TermTable;
  postingStart: Int32Array;
  postingDoc: Int32Array;
  /**
   * What the posting adds to its doc's score — the term's idf times the saturated weight,
   * computed once here by the same expression a query would evaluate, so scores are the
   * same to the last bit.
   */
  postingScore: Float64Array;
  idf: Float64Array;
}

/** The buffers of TextIndexParts, to hand to another thread without a copy. */
export function partsBuffers(parts: TextIndexParts): ArrayBuffer[] {
  return [...termTableBuffers(parts.terms), ...([parts.postingStart.buffer, parts.postingDoc.buffer, parts.postingScore.buffer, parts.idf.buffer] as ArrayBuffer[])];
}

/** The description terms keep their ids; name terms not among them are numbered after them. */
export function combineTextIndex(names: NameTerms, descriptions: DescriptionTerms): TextIndexParts {
  const docCount = descriptions.docEnd.length;
  const terms = [...descriptions.terms];
  const nameIds = renumber(names, terms);
  const fields: Fields = { nameIds, nameEnd: names.fieldEnd, descIds: descriptions.ids, descEnd: descriptions.docEnd, averages: [] };
  const totals = [0, 0, descriptions.ids.length];
  for (let doc = 0; doc < docCount; doc++) {
    for (let field = 0; field < 2; field++) totals[field]! += fieldEnd(fields, doc, field) - fieldStart(fields, doc, field);
  }
  fields.averages = totals.map((total) => Math.max(1, total / Math.max(1, docCount)));
  const termCount = terms.length;
  const postingStart = countPostings(fields, docCount, termCount);
  const postingCount = postingStart[termCount]!;
  const postingDoc = new Int32Array(postingCount);
  const postingScore = new Float64Array(postingCount);
  weighTerms(fields, docCount, termCount, postingStart, postingDoc, postingScore);
  const idf = new Float64Array(termCount);
  for (let term = 0; term < termCount; term++) {
    const df = postingStart[term + 1]! - postingStart[term]!;
    const termIdf = (idf[term] = Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));
    for (let at = postingStart[term]!; at < postingStart[term + 1]!; at++) {
      const weight = postingScore[at]!;
      postingScore[at] = (termIdf * weight * (K1 + 1)) / (weight + K1);
    }
  }
  return { docCount, terms: termTable(terms), postingStart, postingDoc, postingScore, idf };
}

/**
 * The names' term ids in the numbering of `terms` (the descriptions'), which gains the terms
 * it lacked. This way round: the notes hold four times the term ids, and a few thousand
 * distinct terms to look names up in where the names have a hundred thousand.
 */
function renumber(names: NameTerms, terms: string[]): Int32Array {
  const known = new Map<string, number>();
  for (let id = 0; id < terms.length; id++) known.set(terms[id]!, id);
  const idOf = new Int32Array(names.terms.length);
  for (let at = 0; at < names.terms.length; at++) {
    const term = names.terms[at]!;
    let id = known.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
    }
    idOf[at] = id;
  }
  const ids = new Int32Array(names.ids.length);
  for (let at = 0; at < ids.length; at++) ids[at] = idOf[names.ids[at]!]!;
  return ids;
}

/**
 * Every field's term ids. Names (field 0) and titles (field 1) of doc d are
 * nameIds[nameEnd[2d + f] .. nameEnd[2d + f + 1]); its descriptions (field 2)
 * are descIds[descEnd[d - 1] (0 for the first doc) .. descEnd[d]).
 */
interface Fields {
  nameIds: Int32Array;
  nameEnd: Int32Array;
  descIds: Int32Array;
  descEnd: Int32Array;
  /** Average length of each field over the docs. */
  averages: number[];
}

function fieldStart({ nameEnd, descEnd }: Fields, doc: number, field: number): number {
  return field < 2 ? nameEnd[2 * doc + field]! : doc === 0 ? 0 : descEnd[doc - 1]!;
}

function fieldEnd({ nameEnd, descEnd }: Fields, doc: number, field: number): number {
  return field < 2 ? nameEnd[2 * doc + field + 1]! : descEnd[doc]!;
}

/** Where each term's postings start: one per doc that has the term (the end of the last list at termCount). */
function countPostings(fields: Fields, docCount: number, termCount: number): Int32Array {
  const starts = new Int32Array(termCount + 1);
  const lastDoc = new Int32Array(termCount).fill(-1);
  for (let doc = 0; doc < docCount; doc++) {
    for (let field = 0; field < 3; field++) {
      const ids = field < 2 ? fields.nameIds : fields.descIds;
      for (let at = fieldStart(fields, doc, field), end = fieldEnd(fields, doc, field); at < end; at++) {
        const id = ids[at]!;
        if (lastDoc[id] === doc) continue;
        lastDoc[id] = doc;
        starts[id + 1]!++;
      }
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
function weighTerms(fields: Fields, docCount: number, termCount: number, starts: Int32Array, postingDoc: Int32Array, postingWeight: Float64Array): void {
  const { averages } = fields;
  const accumulated = new Float64Array(termCount);
  const docTerms = new Int32Array(termCount);
  const next = starts.slice(0, termCount);
  for (let doc = 0; doc < docCount; doc++) {
    let distinct = 0;
    for (let field = 0; field < 3; field++) {
      const ids = field < 2 ? fields.nameIds : fields.descIds;
      const from = fieldStart(fields, doc, field);
      const to = fieldEnd(fields, doc, field);
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
