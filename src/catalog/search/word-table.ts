import { normalize, splitWords } from './normalize.js';
import type { SearchDoc } from './types.js';

/**
 * Whole words of names and keywords, for queries like "detr" → "Efficient DETR"
 * or "attention is all you need" → the Transformer's paper title.
 *
 * A "field" is one name or keyword string. Fields are numbered names first,
 * then keywords, each shortest first, so every posting list (field numbers in
 * ascending order) is already in ranking order and a stage can stop early.
 */
const KEYWORD_POSITION = 255;

export class WordTable {
  readonly fieldDoc: Int32Array;
  readonly fieldText: string[];
  readonly fieldKeyLength: Int32Array;
  readonly fieldIsKeyword: Uint8Array;
  /** For names, the place in the doc's list (0 = canonical); keywords are 255. */
  readonly fieldPosition: Uint8Array;
  private readonly postings = new Map<string, Int32Array>();
  private readonly sortedWords: string[];
  /** Per doc, its distinct words as " a b c " — a cheap "does this doc also have word w?" test. */
  private readonly docWords: string[];

  constructor(docs: readonly SearchDoc[]) {
    const fields: { doc: number; text: string; keyLength: number; position: number; words: string[] }[] = [];
    const docWordSets = docs.map(() => new Set<string>());
    docs.forEach((doc, docIndex) => {
      const add = (text: string, position: number) => {
        const words = splitWords(text);
        if (words.length === 0) return;
        for (const word of words) docWordSets[docIndex]!.add(word);
        fields.push({ doc: docIndex, text, keyLength: normalize(text).length, position, words });
      };
      doc.names.forEach((name, position) => add(name, Math.min(position, 254)));
      for (const keyword of doc.keywords ?? []) add(keyword, KEYWORD_POSITION);
    });
    const isKeyword = (field: { position: number }) => Number(field.position === KEYWORD_POSITION);
    fields.sort((a, b) => isKeyword(a) - isKeyword(b) || a.keyLength - b.keyLength || a.doc - b.doc);

    this.fieldDoc = new Int32Array(fields.length);
    this.fieldKeyLength = new Int32Array(fields.length);
    this.fieldIsKeyword = new Uint8Array(fields.length);
    this.fieldPosition = new Uint8Array(fields.length);
    this.fieldText = [];
    const lists = new Map<string, number[]>();
    fields.forEach((field, fieldIndex) => {
      this.fieldDoc[fieldIndex] = field.doc;
      this.fieldKeyLength[fieldIndex] = field.keyLength;
      this.fieldIsKeyword[fieldIndex] = isKeyword(field);
      this.fieldPosition[fieldIndex] = field.position;
      this.fieldText.push(field.text);
      for (const word of field.words) {
        let list = lists.get(word);
        if (!list) lists.set(word, (list = []));
        if (list[list.length - 1] !== fieldIndex) list.push(fieldIndex);
      }
    });
    for (const [word, list] of lists) this.postings.set(word, Int32Array.from(list));
    this.sortedWords = [...lists.keys()].sort();
    this.docWords = docWordSets.map((words) => ` ${[...words].join(' ')} `);
  }

  /** Fields containing `word` as a whole word, in ranking order. */
  fieldsWith(word: string): Int32Array | undefined {
    return this.postings.get(word);
  }

  /** Indexed words that start with `prefix` and are longer than it, in string order. */
  *wordsStartingWith(prefix: string): Generator<string> {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedWords[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.sortedWords.length; at++) {
      const word = this.sortedWords[at]!;
      if (!word.startsWith(prefix)) return;
      if (word.length > prefix.length) yield word;
    }
  }

  /** Whether doc has `word` as a whole word (or, with `asPrefix`, as the start of a word). */
  docHas(doc: number, word: string, asPrefix: boolean): boolean {
    return this.docWords[doc]!.includes(asPrefix ? ` ${word}` : ` ${word} `);
  }
}
