import { escapeText } from './escape.js';

/**
 * Slack's Block Kit limits (api.slack.com/reference/block-kit). A message
 * over any of them is rejected whole with `invalid_blocks`, so the renderer
 * splits to stay inside them instead of hoping.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  elementsPerActions: 25,
  elementsPerContext: 10,
  contextText: 3000,
  /** Top-level `text` may be 40,000, but it only feeds notifications and previews. */
  fallbackText: 3000,
} as const;

/**
 * Slack states these limits in "characters" without saying how it counts;
 * like Discord it counts UTF-16 code units, so an emoji outside the BMP
 * counts 2. Units are also the stricter reading: text that fits by units fits
 * by code points too. Every check in this adapter measures with this.
 */
export function slackLength(text: string): number {
  return text.length;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Plain text for a label or header: escaped (Slack counts the escaped form),
 * then cut to `max` units with "…" at a grapheme boundary — never through a
 * surrogate pair, an emoji sequence or an accent and its letter.
 */
export function clipPlain(text: string, max: number): string {
  const whole = escapeText(text);
  if (slackLength(whole) <= max) return whole;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (slackLength(escapeText(kept + segment)) + 1 > max) break;
    kept += segment;
  }
  return `${escapeText(kept.trimEnd())}…`;
}

/**
 * Splits already-escaped mrkdwn into pieces of at most `max` UTF-16 units,
 * preferring a line break, then a space, and never cutting through an
 * entity (`&amp;`) or a surrogate pair.
 */
export function splitEscaped(text: string, max: number): string[] {
  if (slackLength(text) <= max) return [text.trimEnd()];
  const chars = Array.from(text);
  // offsets[i]: where chars[i] starts in UTF-16 units, so a window is measured in the units Slack counts.
  const offsets = [0];
  for (const char of chars) offsets.push((offsets[offsets.length - 1] ?? 0) + char.length);
  const units = (from: number, to: number) => (offsets[to] ?? 0) - (offsets[from] ?? 0);
  const pieces: string[] = [];
  let start = 0;
  while (units(start, chars.length) > max) {
    let end = start + 1;
    while (end < chars.length && units(start, end + 1) <= max) end++;
    const window = chars.slice(start, end);
    let cut = lastIndexOf(window, '\n');
    if (cut < window.length / 2) cut = Math.max(cut, lastIndexOf(window, ' '));
    if (cut < window.length / 2) cut = entitySafeEnd(window);
    cut = outsideToken(window, cut);
    const piece = chars.slice(start, start + cut).join('').trimEnd();
    if (piece !== '') pieces.push(piece);
    start += cut;
    while (start < chars.length && /\s/.test(chars[start] ?? '')) start++;
  }
  const rest = chars.slice(start).join('').trimEnd();
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function lastIndexOf(chars: string[], target: string): number {
  for (let i = chars.length - 1; i > 0; i--) if (chars[i] === target) return i;
  return -1;
}

/**
 * A cut moved back before a `<…>` token it would fall inside (a link, or the
 * date token escape.ts writes around literal `*`, `_`, `~`, `` ` ``): half a
 * token would show as raw markup and leave its characters free to format.
 */
function outsideToken(window: string[], cut: number): number {
  for (let i = cut - 1; i >= 0; i--) {
    if (window[i] === '>') return cut;
    if (window[i] === '<') return i > 0 ? i : cut;
  }
  return cut;
}

/** The window's length, moved back before an `&…;` entity it would split. */
function entitySafeEnd(window: string[]): number {
  for (let i = window.length - 1; i >= Math.max(0, window.length - 5); i--) {
    if (window[i] === ';') break;
    if (window[i] === '&') return i > 0 ? i : window.length;
  }
  return window.length;
}
