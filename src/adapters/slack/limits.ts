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
 * Splits already-escaped mrkdwn into pieces of at most `max` characters,
 * preferring a line break, then a space, and never cutting through an
 * entity (`&amp;`) or a surrogate pair.
 */
export function splitEscaped(text: string, max: number): string[] {
  // UTF-16 length bounds the character count, so short text (nearly all) needs no splitting work.
  if (text.length <= max) return [text.trimEnd()];
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (chars.length - start > max) {
    const window = chars.slice(start, start + max);
    let cut = lastIndexOf(window, '\n');
    if (cut < max / 2) cut = Math.max(cut, lastIndexOf(window, ' '));
    if (cut < max / 2) cut = entitySafeEnd(window);
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

/** The window's length, moved back before an `&…;` entity it would split. */
function entitySafeEnd(window: string[]): number {
  for (let i = window.length - 1; i >= Math.max(0, window.length - 5); i--) {
    if (window[i] === ';') break;
    if (window[i] === '&') return i > 0 ? i : window.length;
  }
  return window.length;
}
