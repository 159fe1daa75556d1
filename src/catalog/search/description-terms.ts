import { TermStream } from './term-stream.js';
import type { CodedChunk } from './text-fields.js';

/**
 * The terms of every doc's descriptions (notes, remarks, overviews): the bulk
 * of the text index's work, 24 of the 31 million characters of the generated
 * 100,000-entry catalog. Strings in, numbers out, a chunk at a time, so that it
 * can run on a second thread (text-index-job.ts) while the name tables are
 * built, starting before all the descriptions are packed.
 */
export interface DescriptionTerms {
  /** Id i of `ids` is the term terms[i]. */
  terms: string[];
  /** Every doc's description terms, one doc after another, repeats kept. */
  ids: Int32Array;
  /** Doc d's terms are ids[docEnd[d - 1] (0 for the first doc) .. docEnd[d]). */
  docEnd: Int32Array;
}

export class DescriptionCutter {
  private readonly termIds = new Map<string, number>();
  private readonly stream: TermStream;
  private readonly docEnd: Int32Array;

  /** `characters`: about how many the descriptions hold, to size the term array (it grows if short). */
  constructor(docCount: number, characters: number) {
    this.stream = new TermStream(this.termIds, Math.ceil(characters / 5)); // notes: about one term per six characters
    this.docEnd = new Int32Array(docCount);
  }

  /** The chunks must come in doc order (packDescriptions). */
  add({ text, firstDoc, textCount, textLength }: CodedChunk): void {
    const { stream, docEnd } = this;
    let offset = 0;
    let at = 0;
    for (let doc = 0; doc < textCount.length; doc++) {
      for (let count = textCount[doc]!; count > 0; count--, at++) {
        const length = textLength[at]!;
        stream.addCodes(text, offset, offset + length);
        offset += length + 1; // and the line break
      }
      docEnd[firstDoc + doc] = stream.size;
    }
  }

  result(): DescriptionTerms {
    return { terms: [...this.termIds.keys()], ids: this.stream.ids.subarray(0, this.stream.size), docEnd: this.docEnd };
  }
}
