/**
 * What chrono did not read. Between and around the pieces it understood, only
 * small connecting words may remain ("at", "on", の, に, から…). Anything else
 * — "next Friday at the cafe 20:00" — means we understood only part of the
 * phrase, and we say so instead of guessing.
 */

const FILLER_WORDS = /\b(?:at|on|from|starting|start|the|of|around)\b|@/gi;
const FILLER_JA = /から|より|開始|ごろ|頃|の|に/g;
const PUNCTUATION = /[\s,.;:、。・()（）[\]「」"'~〜-]+/g;

export interface Span {
  index: number;
  length: number;
}

/** The words of `text` outside every span that are not fillers, joined by spaces; '' when none. */
export function leftoverWords(text: string, spans: readonly Span[]): string {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const span of spans) {
    for (let i = span.index; i < span.index + span.length && i < text.length; i++) covered[i] = true;
  }
  let rest = '';
  for (let i = 0; i < text.length; i++) rest += covered[i] ? ' ' : text[i];
  return rest
    .replace(FILLER_WORDS, ' ')
    .replace(FILLER_JA, ' ')
    .replace(PUNCTUATION, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
