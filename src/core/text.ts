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

/** Cuts text to `max` characters (by code point, so emoji are not split), adding "…". */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

export function charLength(text: string): number {
  return Array.from(text).length;
}
