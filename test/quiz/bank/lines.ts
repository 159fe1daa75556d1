import { readFileSync } from 'node:fs';

/**
 * The 1-based line of `needle` in a fixture file, searched from the first
 * occurrence of `after` when given — so tests name the text a problem is about
 * instead of hard-coding line numbers that break on every edit of the fixture.
 */
export function lineOf(path: string, needle: string, after?: string): number {
  const text = readFileSync(path, 'utf8');
  const start = after === undefined ? 0 : text.indexOf(after);
  if (start === -1) throw new Error(`"${after}" is not in ${path}`);
  const at = text.indexOf(needle, start);
  if (at === -1) throw new Error(`"${needle}" is not in ${path}${after ? ` after "${after}"` : ''}`);
  return text.slice(0, at).split('\n').length;
}
