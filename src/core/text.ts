/**
 * Cleans user text before anything reads it: invisible characters (zero-width
 * spaces, joiners, BOM, bidi controls) and control characters go, runs of
 * whitespace become one space. What remains is still untrusted — adapters
 * escape it on the way out.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function cleanText(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * A person's name or a title as it is stored and shown, on every platform:
 * cleaned like `cleanText`, so a bidi override (U+202E) cannot reverse the
 * text after it — "moc.elgoog" posing as a link, a name running backwards
 * into the count beside it — and zero-width characters cannot make two
 * names look alike. A name that was nothing but such characters falls back
 * (to the member's id), so nobody shows up blank.
 */
export function cleanName(raw: string, fallback = ''): string {
  return cleanText(raw) || cleanText(fallback);
}

/** Cuts text to `max` characters (by code point, so emoji are not split), adding "…". */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/**
 * Length in characters (Unicode code points): "🚀" is one. Discord counts a
 * slash-command option's max_length this way, so option limits use it.
 */
export function charLength(text: string): number {
  return Array.from(text).length;
}

/**
 * Length in UTF-16 code units: "🚀" and "𠮷" are two. Discord counts a
 * component's custom_id (≤ 100) this way — discord.js checks it with
 * String#length — and so does JavaScript, so ids are measured with this.
 */
export function utf16Length(text: string): number {
  return text.length;
}

/**
 * Emoji and the invisible characters that build them (joiners, variation
 * selectors, skin tones, flags, keycaps, tag characters). Catalog search
 * ignores all of these (catalog/search/normalize.ts drops a superset), so a
 * query without them finds exactly what the query with them finds.
 */
const DECORATION = /[\u200B-\u200D\u2060\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/gu;

/** The text with emoji and their joiners removed and spaces tidied: "🚀 nerf 🚀" → "nerf". */
export function withoutDecoration(text: string): string {
  return cleanText(text.replace(DECORATION, ''));
}
