import type { SearchDoc } from './types.js';

/**
 * Every doc's descriptions joined into a few long strings ("chunks"), one text
 * after another with a line break between them. A line break is never part of
 * a term, so scanning a text's range of its chunk gives the text's terms.
 *
 * Why joined: the generated 100,000-entry catalog has 200,000 notes and 24
 * million characters. A few hundred flat strings reach a second thread
 * (text-index-job.ts) as a copy of their bytes, where 200,000 strings are
 * rebuilt one by one at several times the cost; and a concatenated string (a
 * note built with `+`) is read char by char several times slower than the
 * flat copy that joining makes.
 */
export interface PackedDescriptions {
  docCount: number;
  chunks: string[];
  /** Texts in chunk c end at text number chunkEnd[c] (its first is chunkEnd[c - 1], 0 for the first chunk). */
  chunkEnd: Int32Array;
  /** Text t's length; the next text of its chunk starts one char (the line break) after it ends. */
  textLength: Int32Array;
  /** Doc d's descriptions are texts docEnd[d - 1] (0 for the first doc) .. docEnd[d]. */
  docEnd: Int32Array;
}

/** Characters per chunk, about: texts are never split, so a chunk ends with the text that reaches it. */
const CHUNK_CHARACTERS = 1 << 16;

export function packDescriptions(docs: readonly SearchDoc[]): PackedDescriptions {
  let textCount = 0;
  for (const doc of docs) textCount += doc.descriptions?.length ?? 0;
  const textLength = new Int32Array(textCount);
  const docEnd = new Int32Array(docs.length);
  const chunks: string[] = [];
  const chunkEnds: number[] = [];
  let pending: string[] = [];
  let pendingCharacters = 0;
  let text = 0;
  for (let doc = 0; doc < docs.length; doc++) {
    for (const description of docs[doc]!.descriptions ?? []) {
      pending.push(description);
      pendingCharacters += description.length + 1;
      textLength[text++] = description.length;
      if (pendingCharacters < CHUNK_CHARACTERS) continue;
      chunks.push(pending.join('\n'));
      chunkEnds.push(text);
      pending = [];
      pendingCharacters = 0;
    }
    docEnd[doc] = text;
  }
  if (pending.length > 0) {
    chunks.push(pending.join('\n'));
    chunkEnds.push(text);
  }
  return { docCount: docs.length, chunks, chunkEnd: Int32Array.from(chunkEnds), textLength, docEnd };
}

/** All the characters of the descriptions, line breaks included. */
export function packedCharacters({ chunks }: PackedDescriptions): number {
  let characters = 0;
  for (const chunk of chunks) characters += chunk.length;
  return characters;
}
