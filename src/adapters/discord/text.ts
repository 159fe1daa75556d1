const URL_PATTERN = /(https?:\/\/[^\s<>]+)/;

/** Characters that start or end markdown anywhere in a line: \ * _ ~ ` | and the [ of a masked link. */
const INLINE_MARKDOWN = /[\\*_~`|[]/g;
/** Markdown that only counts at the start of a line: headings, subtext, quotes, bullets. */
const LINE_START_MARKDOWN = /^(\s*)(#{1,3} |-# |>|[-+] )/gm;
/** A numbered list item ("1. "): escaped as "1\. ", since a backslash before a digit is no escape. */
const NUMBERED_ITEM = /^(\s*)(\d+)\. /gm;
/** A cheap test that lets plain text skip escaping altogether (most catalog text). */
const ANY_MARKDOWN = /[\\*_~`|[@<]|^\s*(?:#{1,3} |-# |>|[-+] |\d+\. )/m;

/**
 * Makes text safe to show as markdown: every markdown character escaped (URLs
 * kept intact so they still link), and mass mentions broken with a zero-width
 * space. allowed_mentions already stops the ping; this also stops "@everyone"
 * from being highlighted as if it were one.
 */
export function escapeText(text: string): string {
  return text
    .split(URL_PATTERN)
    .map((part, index) => (index % 2 === 1 ? part : escapePart(part)))
    .join('');
}

/**
 * Our own escaper rather than discord.js's escapeMarkdown: that one re-scans
 * the text once per markdown feature (~30 µs a field), which made rendering
 * the slowest step of a reply; this is a few regex passes, and none for plain text.
 */
function escapePart(text: string): string {
  if (!ANY_MARKDOWN.test(text)) return text;
  return text
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(LINE_START_MARKDOWN, '$1\\$2')
    .replace(NUMBERED_ITEM, '$1$2\\. ')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<([@#])/g, '<\u200b$1');
}

/**
 * Splits text into pieces of at most `max` characters (UTF-16 units, as
 * Discord counts), breaking at a line end if one is near, else at a space,
 * and never inside a surrogate pair or right after an escaping backslash.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = bestBreak(rest, max);
    if (isLowSurrogate(rest.charCodeAt(cut))) cut--;
    while (cut > 1 && rest[cut - 1] === '\\') cut--;
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces.filter((piece, index) => piece.length > 0 || index === 0);
}

function bestBreak(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // Only break early when that keeps at least half the piece; otherwise a hard cut wastes less.
  const newline = window.lastIndexOf('\n');
  if (newline >= max / 2) return newline;
  const space = window.lastIndexOf(' ');
  if (space >= max / 2) return space;
  return max;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Cuts to `max` UTF-16 units with a visible "…", for the few places that cannot split (titles, labels). */
export function clipUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isLowSurrogate(text.charCodeAt(cut))) cut--;
  return text.slice(0, cut) + '…';
}
