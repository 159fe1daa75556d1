import { LOANWORDS } from './loanwords.js';
import { foldWidthAndCase, hiraganaToKatakana } from './normalize.js';
import { forEachRun, katakanaTerms, Script, termsOfRun } from './text-tokens.js';

/** The sentence of an entry's description that best explains a match, with the matched words to show in bold. */
export interface Excerpt {
  text: string;
  /** [start, end) ranges of `text`, ascending and not overlapping. */
  bold: [number, number][];
}

/** What the text index is asked: does a term exist, and how much does it weigh. */
interface TermWeights {
  has(term: string): boolean;
  weightOf(term: string): number;
}

/**
 * A query's terms, made as the index's are (text-tokens.ts), with one addition:
 * a run of hiragana is kept when, written in katakana, it is a word the
 * catalog knows — せぐめんてーしょん typed before the IME converted it.
 */
export function queryTerms(query: string, index: TermWeights): string[] {
  const folded = foldWidthAndCase(query);
  const out: string[] = [];
  forEachRun(folded, (start, end, script) => {
    const run = folded.slice(start, end);
    if (script !== Script.Hiragana) return termsOfRun(run, script, out);
    const katakana = hiraganaToKatakana(run);
    if (index.has(katakana) || LOANWORDS.has(katakana)) katakanaTerms(katakana, out);
  });
  return out;
}

/** Sentence ends in either language; the break stays with the sentence before it. */
const SENTENCE = /[^。．！？!?]+(?:[。．！？]|[.!?](?=\s|$)|$)/gu;
const MAX_EXCERPT = 220;

/**
 * The description sentence whose matched terms weigh most (idf), with each
 * run of text that produced a query term in bold. Undefined when no sentence
 * matches a term (the hit came from a name or title).
 */
export function bestExcerpt(descriptions: readonly string[], terms: readonly string[], index: TermWeights): Excerpt | undefined {
  const wanted = new Set(terms);
  let best: { excerpt: Excerpt; weight: number } | undefined;
  for (const description of descriptions) {
    for (const match of description.matchAll(SENTENCE)) {
      const sentence = match[0].trim();
      const { bold, matched } = marks(sentence, wanted);
      let weight = 0;
      for (const term of matched) weight += index.weightOf(term);
      if (weight > 0 && (!best || weight > best.weight)) best = { excerpt: { text: sentence, bold }, weight };
    }
  }
  return best && clip(best.excerpt);
}

/** Ranges of the original sentence whose terms are wanted; terms found. */
function marks(sentence: string, wanted: ReadonlySet<string>): { bold: [number, number][]; matched: Set<string> } {
  // Fold one character at a time so each folded character knows where it came from.
  let folded = '';
  const origin: number[] = [];
  for (let at = 0; at < sentence.length; ) {
    const code = sentence.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    const piece = foldWidthAndCase(sentence.slice(at, at + width));
    for (let k = 0; k < piece.length; k++) origin.push(at);
    folded += piece;
    at += width;
  }
  origin.push(sentence.length);
  const bold: [number, number][] = [];
  const matched = new Set<string>();
  forEachRun(folded, (start, end, script) => {
    const run = folded.slice(start, end);
    if (script === Script.Kanji && run.length > 1) {
      // Bold only the pairs that matched, not the whole compound.
      for (let at = 0; at + 1 < run.length; at++) {
        const pair = run.slice(at, at + 2);
        if (wanted.has(pair)) {
          matched.add(pair);
          add(bold, origin[start + at]!, origin[start + at + 2]!);
        }
      }
      return;
    }
    const out: string[] = [];
    termsOfRun(run, script, out);
    const hits = out.filter((term) => wanted.has(term));
    if (hits.length === 0) return;
    for (const term of hits) matched.add(term);
    add(bold, origin[start]!, origin[end]!);
  });
  return { bold, matched };
}

function add(ranges: [number, number][], start: number, end: number): void {
  const last = ranges[ranges.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else ranges.push([start, end]);
}

/** A long sentence is cut to a window around its first bold run, with "…" where it was cut. */
function clip(excerpt: Excerpt): Excerpt {
  if (excerpt.text.length <= MAX_EXCERPT) return excerpt;
  const first = excerpt.bold[0]?.[0] ?? 0;
  const from = Math.max(0, Math.min(first - 40, excerpt.text.length - MAX_EXCERPT));
  const to = from + MAX_EXCERPT;
  const lead = from > 0 ? '…' : '';
  const text = lead + excerpt.text.slice(from, to) + (to < excerpt.text.length ? '…' : '');
  const bold = excerpt.bold
    .filter(([start, end]) => end > from && start < to)
    .map(([start, end]): [number, number] => [Math.max(start, from) - from + lead.length, Math.min(end, to) - from + lead.length]);
  return { text, bold };
}
