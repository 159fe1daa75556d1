import { LOANWORDS } from './loanwords.js';
import { foldWidthAndCase } from './normalize.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

/**
 * Descriptive text (notes, titles, overviews, queries) as index terms.
 *
 * The text is folded as names are (full-width → half-width, lower case), then
 * cut into runs of one script:
 * - Latin letters and digits: a word, unless a stop word; lightly stemmed so
 *   "scaling", "scales" and "scale" meet.
 * - Kanji: every pair of neighbouring characters (character bigrams), or the
 *   character itself for a run of one. Japanese has no spaces; bigrams need no
 *   dictionary, cost one pass, and "物体検出" meets "物体" and "検出" in a note
 *   whatever its segmentation. The README gives the measurements against
 *   Intl.Segmenter that decided it.
 * - Katakana: the whole word, and — when it is a known loanword, or made of
 *   known loanwords (ビジョントランスフォーマー) — the English word(s) too, so
 *   トランスフォーマー finds what "transformer" finds.
 * - Hiragana: particles and verb endings (の, を, する, られる), dropped. A query
 *   may type a loanword in hiragana before the IME converts it; see queryTerms().
 */

export const Script = { Other: 0, Latin: 1, Kanji: 2, Katakana: 3, Hiragana: 4 } as const;
export type Script = (typeof Script)[keyof typeof Script];

export function scriptOf(code: number): Script {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? Script.Latin : Script.Other;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005) return Script.Kanji;
  if ((code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc) return Script.Katakana;
  if (code >= 0x3041 && code <= 0x3096) return Script.Hiragana;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return Script.Latin; // accented Latin
  return Script.Other;
}

/** Suffixes removed (longest first) when at least four characters remain. */
const SUFFIXES = ['ations', 'ation', 'ings', 'ions', 'ing', 'ion', 'ers', 'ors', 'ies', 'ed', 'es', 'er', 'or', 'ly', 's', 'e'];

/** A light stemmer: one suffix off. Not Porter, but enough for "pose/poses", "scale/scaling", "detect/detection". */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      if (suffix === 's' && (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is'))) continue;
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * The term a Latin word indexes as, or undefined for a stop word — and for a
 * lone letter ("x" of "x-ray", "a" of "[a]"), which says nothing by itself.
 */
export function latinTerm(word: string): string | undefined {
  if (word.length === 1 && word >= 'a' && word <= 'z') return undefined;
  return ENGLISH_STOP_WORDS.has(word) ? undefined : stem(word);
}

/** A katakana word and the English its known loanwords stand for. */
export function katakanaTerms(word: string, out: string[]): void {
  out.push(word);
  const whole = LOANWORDS.get(word);
  if (whole) {
    for (const english of whole) out.push(stem(english));
    return;
  }
  // A compound of known loanwords, taken longest first from the left: ビジョン + トランスフォーマー.
  const parts: string[] = [];
  let at = 0;
  while (at < word.length) {
    let end = word.length;
    while (end > at + 1 && !LOANWORDS.has(word.slice(at, end))) end--;
    if (end === at + 1) return; // not made only of known loanwords
    parts.push(word.slice(at, end));
    at = end;
  }
  for (const part of parts) {
    out.push(part);
    for (const english of LOANWORDS.get(part)!) out.push(stem(english));
  }
}

export function kanjiTerms(run: string, out: string[]): void {
  if (run.length === 1) out.push(run);
  for (let at = 0; at + 1 < run.length; at++) out.push(run.slice(at, at + 2));
}

/** A run of one script found in folded text: [start, end) and its script. */
export interface Run {
  start: number;
  end: number;
  script: Script;
}

/** Calls `visit` for every run of letters of one script in already-folded text. */
export function forEachRun(folded: string, visit: (start: number, end: number, script: Script) => void): void {
  let start = -1;
  let current: Script = Script.Other;
  for (let at = 0; at <= folded.length; at++) {
    const script = at < folded.length ? scriptOf(folded.charCodeAt(at)) : Script.Other;
    if (script === current) continue;
    if (current !== Script.Other) visit(start, at, current);
    current = script;
    start = at;
  }
}

/** Index terms of a text, repeats kept (term frequency counts them). */
export function textTerms(text: string, out: string[] = []): string[] {
  const folded = foldWidthAndCase(text);
  forEachRun(folded, (start, end, script) => termsOfRun(folded.slice(start, end), script, out));
  return out;
}

export function termsOfRun(run: string, script: Script, out: string[]): void {
  switch (script) {
    case Script.Latin: {
      const term = latinTerm(run);
      if (term !== undefined) out.push(term);
      return;
    }
    case Script.Kanji:
      return kanjiTerms(run, out);
    case Script.Katakana:
      return katakanaTerms(run, out);
    default:
      return; // hiragana and anything else
  }
}
