import type { SearchDoc } from './types.js';

/**
 * Every doc's descriptions joined into long strings ("chunks"), one text after
 * another with a line break between them, each chunk holding whole docs. A
 * line break is never part of a term, so scanning a text's range of its chunk
 * gives the text's terms.
 *
 * Why joined: the generated 100,000-entry catalog has 200,000 notes and 24
 * million characters. A few hundred flat strings reach a second thread
 * (text-index-job.ts) as a copy of their bytes, where 200,000 strings are
 * rebuilt one by one at several times the cost; the thread starts on the first
 * chunk while the rest are joined; and a concatenated string (a note built
 * with `+`) is read char by char several times slower than the flat copy that
 * joining makes.
 */
export interface DescriptionChunk {
  /** The docs' descriptions, joined by line breaks. */
  text: string;
  /** The first doc of the chunk; doc firstDoc + i has textCount[i] texts, in order. */
  firstDoc: number;
  textCount: Int32Array;
  /** Each text's length, in the order of the chunk. */
  textLength: Int32Array;
}

/** Characters per chunk, about: a chunk ends with the doc that reaches it. */
const CHUNK_CHARACTERS = 1 << 16;

/** Calls `emit` with every chunk of the docs' descriptions, in doc order, covering every doc. */
export function packDescriptions(docs: readonly SearchDoc[], emit: (chunk: DescriptionChunk) => void): void {
  let firstDoc = 0;
  let texts: string[] = [];
  let characters = 0;
  for (let doc = 0; doc < docs.length; doc++) {
    for (const description of docs[doc]!.descriptions ?? []) {
      texts.push(description);
      characters += description.length + 1;
    }
    if (characters < CHUNK_CHARACTERS && doc + 1 < docs.length) continue;
    const textCount = new Int32Array(doc + 1 - firstDoc);
    for (let at = firstDoc; at <= doc; at++) textCount[at - firstDoc] = docs[at]!.descriptions?.length ?? 0;
    emit({ text: texts.join('\n'), firstDoc, textCount, textLength: Int32Array.from(texts, (text) => text.length) });
    firstDoc = doc + 1;
    texts = [];
    characters = 0;
  }
}

/** All the characters of the docs' descriptions. */
export function descriptionCharacters(docs: readonly SearchDoc[]): number {
  let characters = 0;
  for (const doc of docs) for (const description of doc.descriptions ?? []) characters += description.length;
  return characters;
}
