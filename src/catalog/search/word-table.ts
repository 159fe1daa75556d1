import { GramIds, type PostingLists, PostingsBuilder } from './grams.js';
import type { StringIds } from './string-ids.js';
import type { TextRows } from './text-rows.js';

/**
 * Whole words of names and keywords, for queries like "detr" → "Efficient DETR"
 * or "attention is all you need" → the Transformer's paper title.
 *
 * A "field" is one name or keyword string. Fields are numbered names first,
 * then keywords, each shortest first, so every posting list (field numbers in
 * ascending order) is already in ranking order and a stage can stop early.
 * Built from the words TextRows already numbered: one counting sort for the
 * field order, one packing pass for the postings.
 */
const KEYWORD_POSITION = 255;

export class WordTable {
  readonly fieldDoc: Int32Array;
  readonly fieldText: string[];
  readonly fieldKeyLength: Int32Array;
  readonly fieldIsKeyword: Uint8Array;
  /** For names, the place in the doc's list (0 = canonical); keywords are 255. */
  readonly fieldPosition: Uint8Array;
  private readonly words: StringIds;
  private readonly postings: PostingLists;
  /** Each doc's words (repeats allowed): wordIds[docWordStart[d] .. docWordStart[d + 1]). */
  private readonly wordIds: Int32Array;
  private readonly docWordStart: Int32Array;
  /** Distinct words grouped by their first two characters; each group sorted the first time it is asked for. */
  private readonly leadIds = new GramIds();
  private readonly byLead: PostingLists;
  /** Each word's group in byLead (-1 for one-character words). */
  private readonly leadOf: Int32Array;
  private readonly sortedByLead = new Map<number, string[]>();
  private asked = { word: '', id: -1, lead: -1 };
  private allSorted: string[] | undefined;

  constructor(text: TextRows) {
    const fields = fieldColumns(text);
    this.fieldDoc = fields.doc;
    this.fieldKeyLength = fields.keyLength;
    this.fieldIsKeyword = fields.isKeyword;
    this.fieldPosition = fields.position;
    this.fieldText = fields.text;
    this.words = text.words;
    this.postings = fields.postings.build(this.words.size);
    // Rows are in doc order, so a doc's words are one contiguous run of the row word list.
    this.wordIds = text.wordIds;
    this.docWordStart = new Int32Array(text.docCount + 1);
    for (let doc = 0; doc <= text.docCount; doc++) this.docWordStart[doc] = text.wordStart[text.docFirstRow[doc]!]!;
    const byLead = wordsByLead(this.words.strings, this.leadIds);
    this.leadOf = byLead.leadOf;
    this.byLead = byLead.groups.build(this.leadIds.count);
  }

  /** Fields containing `word` as a whole word, in ranking order. */
  fieldsWith(word: string): Int32Array | undefined {
    return this.postings.get(this.words.get(word));
  }

  /** Indexed words that start with `prefix` and are longer than it, in string order. */
  *wordsStartingWith(prefix: string): Generator<string> {
    const sortedWords = this.candidatesFor(prefix);
    let low = 0;
    let high = sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sortedWords[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < sortedWords.length; at++) {
      const word = sortedWords[at]!;
      if (!word.startsWith(prefix)) return;
      if (word.length > prefix.length) yield word;
    }
  }

  /**
   * Whether doc has `word` as a whole word (or, with `asPrefix`, as the start of
   * a word). A query asks this about the same word for many docs in a row, so
   * the word's id and first-two-character group are looked up once and kept;
   * a doc's word then only costs an integer comparison unless it might match.
   */
  docHas(doc: number, word: string, asPrefix: boolean): boolean {
    if (word !== this.asked.word) this.asked = this.describe(word);
    const from = this.docWordStart[doc]!;
    const to = this.docWordStart[doc + 1]!;
    if (!asPrefix) {
      const id = this.asked.id;
      if (id < 0) return false;
      for (let at = from; at < to; at++) if (this.wordIds[at] === id) return true;
      return false;
    }
    const lead = this.asked.lead;
    if (word.length >= 2 && lead < 0) return false; // no indexed word starts with these two characters
    for (let at = from; at < to; at++) {
      const id = this.wordIds[at]!;
      if (word.length >= 2 && this.leadOf[id] !== lead) continue;
      if (this.words.strings[id]!.startsWith(word)) return true;
    }
    return false;
  }

  private describe(word: string): { word: string; id: number; lead: number } {
    const lead = word.length >= 2 ? this.leadIds.find(word.charCodeAt(0), word.charCodeAt(1)) : -1;
    return { word, id: this.words.get(word), lead };
  }

  /** The sorted words that could start with `prefix`: its lead group, or every word for a shorter prefix. */
  private candidatesFor(prefix: string): readonly string[] {
    if (prefix.length < 2) return (this.allSorted ??= [...this.words.strings].sort());
    const lead = this.leadIds.find(prefix.charCodeAt(0), prefix.charCodeAt(1));
    let sorted = this.sortedByLead.get(lead);
    if (!sorted) {
      const ids = this.byLead.get(lead) ?? new Int32Array(0);
      sorted = Array.from(ids, (id) => this.words.strings[id]!).sort();
      this.sortedByLead.set(lead, sorted);
    }
    return sorted;
  }
}

/**
 * Rows with at least one word, ordered names first, then keywords, each by key
 * length — a stable counting sort, so ties keep catalog order.
 */
function fieldOrder(text: TextRows): { order: Int32Array; count: number } {
  let longest = 0;
  for (let row = 0; row < text.rowCount; row++) longest = Math.max(longest, text.rowKeyLength[row]!);
  const bucketOf = (row: number) => text.rowIsKeyword[row]! * (longest + 1) + text.rowKeyLength[row]!;
  const starts = new Int32Array(2 * (longest + 1) + 1);
  let count = 0;
  for (let row = 0; row < text.rowCount; row++) {
    if (text.wordStart[row + 1]! === text.wordStart[row]!) continue;
    starts[bucketOf(row) + 1]!++;
    count++;
  }
  for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!;
  const order = new Int32Array(count);
  for (let row = 0; row < text.rowCount; row++) {
    if (text.wordStart[row + 1]! > text.wordStart[row]!) order[starts[bucketOf(row)]!++] = row;
  }
  return { order, count };
}

interface FieldColumns {
  doc: Int32Array;
  keyLength: Int32Array;
  isKeyword: Uint8Array;
  position: Uint8Array;
  text: string[];
  postings: PostingsBuilder;
}

/** The fields in ranking order, column by column, and each word's fields. One loop, its own function, so V8 optimizes it whole. */
function fieldColumns(text: TextRows): FieldColumns {
  const { order, count } = fieldOrder(text);
  const columns: FieldColumns = {
    doc: new Int32Array(count),
    keyLength: new Int32Array(count),
    isKeyword: new Uint8Array(count),
    position: new Uint8Array(count),
    text: new Array<string>(count),
    postings: new PostingsBuilder(text.wordStart[text.rowCount]),
  };
  for (let field = 0; field < count; field++) {
    const row = order[field]!;
    const isKeyword = text.rowIsKeyword[row]!;
    columns.doc[field] = text.rowDoc[row]!;
    columns.keyLength[field] = text.rowKeyLength[row]!;
    columns.isKeyword[field] = isKeyword;
    columns.position[field] = isKeyword ? KEYWORD_POSITION : Math.min(text.rowPosition[row]!, 254);
    columns.text[field] = text.texts[row]!;
    for (let at = text.wordStart[row]!; at < text.wordStart[row + 1]!; at++) columns.postings.add(text.wordIds[at]!, field);
  }
  return columns;
}

/** Word ids grouped by their first two characters (words of one character can never extend a prefix of two). */
function wordsByLead(words: readonly string[], leadIds: GramIds): { groups: PostingsBuilder; leadOf: Int32Array } {
  const groups = new PostingsBuilder(words.length);
  const leadOf = new Int32Array(words.length).fill(-1);
  for (let id = 0; id < words.length; id++) {
    const word = words[id]!;
    if (word.length < 2) continue;
    leadOf[id] = leadIds.add(word.charCodeAt(0), word.charCodeAt(1));
    groups.add(leadOf[id]!, id);
  }
  return { groups, leadOf };
}
