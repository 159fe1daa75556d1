import { endianness } from 'node:os';
import type { SearchDoc } from './types.js';

/**
 * Every doc's descriptions joined into long strings ("chunks"), one text after
 * another with a line break between them, each chunk holding whole docs. A
 * line break is never part of a term, so scanning a text's range of its chunk
 * gives the text's terms.
 *
 * Why joined: the generated 100,000-entry catalog has 200,000 notes and 24
 * million characters. A few hundred flat strings reach a second thread
 * (text-index-job.ts) as copies of their bytes, where 200,000 strings would be
 * rebuilt one by one; the thread starts on the first chunk while the rest are
 * joined; and the scan reads each chunk's code units from a typed array
 * (codedChunk), not strings in whatever form V8 keeps them (a note built with
 * `+` is read char by char several times slower than a flat one).
 */
export interface DescriptionChunk<Text = string> {
  /** The docs' descriptions, joined by line breaks: a string, or its code units (CodedChunk). */
  text: Text;
  /** The first doc of the chunk; doc firstDoc + i has textCount[i] texts, in order. */
  firstDoc: number;
  textCount: Int32Array;
  /** Each text's length, in the order of the chunk. */
  textLength: Int32Array;
}

/** A chunk as the scan reads it: its text's UTF-16 code units. */
export type CodedChunk = DescriptionChunk<Uint16Array>;

export function codedChunk(chunk: DescriptionChunk): CodedChunk {
  return { ...chunk, text: chunkCodes(chunk.text) };
}

/** The string's UTF-16 code units, copied by Buffer's native encoder (little-endian hosts: every one Node runs on today). */
function chunkCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  if (endianness() === 'LE') Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, 'utf16le');
  else for (let at = 0; at < text.length; at++) codes[at] = text.charCodeAt(at);
  return codes;
}

/** Characters per chunk, about: a chunk ends with the doc that reaches it. */
const CHUNK_CHARACTERS = 1 << 20;

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
