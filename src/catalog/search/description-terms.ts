import { TermStream } from './term-stream.js';
import { packedCharacters, type PackedDescriptions } from './text-fields.js';

/**
 * The terms of every doc's descriptions (notes, remarks, overviews): the bulk
 * of the text index's work, 24 of the 31 million characters of the generated
 * 100,000-entry catalog. Strings in, numbers out, so that it can run on a
 * second thread (text-index-job.ts) while the name tables are built.
 */
export interface DescriptionTerms {
  /** Id i of `ids` is the term terms[i]. */
  terms: string[];
  /** Every doc's description terms, one doc after another, repeats kept. */
  ids: Int32Array;
  /** Doc d's terms are ids[docEnd[d - 1] (0 for the first doc) .. docEnd[d]). */
  docEnd: Int32Array;
}

export function descriptionTerms(packed: PackedDescriptions): DescriptionTerms {
  const { docCount, chunks, chunkEnd, textLength } = packed;
  const termIds = new Map<string, number>();
  const stream = new TermStream(termIds, Math.ceil(packedCharacters(packed) / 5)); // notes: about one term per six characters
  const docEnd = new Int32Array(docCount);
  let chunk = 0;
  let offset = 0;
  let text = 0;
  for (let doc = 0; doc < docCount; doc++) {
    for (const last = packed.docEnd[doc]!; text < last; text++) {
      while (text >= chunkEnd[chunk]!) {
        chunk++;
        offset = 0;
      }
      const length = textLength[text]!;
      stream.addRange(chunks[chunk]!, offset, offset + length);
      offset += length + 1; // and the line break
    }
    docEnd[doc] = stream.size;
  }
  return { terms: [...termIds.keys()], ids: stream.ids.subarray(0, stream.size), docEnd };
}
