import type { AutocompleteSource, Command, OptionValue } from './command.js';
import { closestNames } from './closest.js';
import { UserError } from './errors.js';
import { cleanText, clip } from './text.js';
import { plainSlash, usageLine } from './usage.js';

export interface TypedOptions {
  options: Record<string, OptionValue>;
  /** `page:N` on a paged command. */
  page?: number;
}

/**
 * Turns typed text into a command's options, for front ends without native
 * options (the console, Slack's slash commands):
 *   /model X3D                      → name = "X3D"
 *   /settings language:ja timezone:"America/New_York"
 *   /search "inverted residual" page:2 → query = "inverted residual", page 2
 * `name:value` sets the option `name`, or turns pages with `page` on a paged
 * command. Any other `name:value` is refused as an unknown option, with the
 * real ones listed: someone typing `/settings colour:red` means an option,
 * and answering about the language they never typed would mislead them. To
 * mean the words themselves, quote them (`/search "re:invent"`); a URL's
 * `https://` is never taken for an option. Free words fill the options in
 * order, and the last option left takes all remaining words; words left when
 * every option is named are an error, never silently glued on.
 */
export function parseTypedText(command: Command, text: string, slash: (name: string) => string = plainSlash): TypedOptions {
  const values: Record<string, OptionValue> = {};
  const free: string[] = [];
  let page: number | undefined;
  for (const token of tokenize(text, command, slash)) {
    const named = token.quoted ? undefined : /^([a-z][a-z0-9_-]*)[:=](.*)$/is.exec(token.text);
    const key = named?.[1]?.toLowerCase();
    const option = key && command.options.find((o) => o.name === key);
    if (option && named) values[option.name] = unquote(named[2] ?? '');
    else if (command.paged && key === 'page' && named) page = pageNumber(named[2] ?? '');
    else if (key && looksLikeAValue(named?.[2] ?? '')) throw unknownOption(command, key, token.text);
    else free.push(token.text);
  }
  const open = command.options.filter((o) => values[o.name] === undefined);
  open.forEach((option, index) => {
    if (free.length === 0) return;
    const last = index === open.length - 1;
    values[option.name] = last ? free.splice(0).join(' ') : (free.shift() ?? '');
  });
  if (free.length > 0) {
    throw new UserError('error.extraWords', { command: command.name, words: free.join(' '), usage: usageLine(command, true, slash) });
  }
  return page === undefined ? { options: values } : { options: values, page };
}

/** Just the options, for callers that don't page. */
export function parseOptionsText(command: Command, text: string): Record<string, OptionValue> {
  return parseTypedText(command, text).options;
}

/** `colour:red` looks like an option; `note:` (nothing after it) and `https://…` do not. */
function looksLikeAValue(value: string): boolean {
  return value !== '' && !value.startsWith('//');
}

/** Options that look text up in the catalog, where "re:invent" might really be the words someone wants. */
const CATALOG_LOOKUPS: ReadonlySet<AutocompleteSource> = new Set(['model', 'dataset', 'topic', 'any']);

function unknownOption(command: Command, name: string, token: string): UserError {
  const names = [...command.options.map((o) => o.name), ...(command.paged ? ['page'] : [])];
  const params = { command: command.name, option: clip(cleanText(name), 30), options: names.join(', ') || '—' };
  const suggestions = closestNames(name, names);
  // Only a catalog lookup gets the hint to quote: for /settings, "colour:red" as words means nothing either.
  return command.options.some((o) => o.autocomplete && CATALOG_LOOKUPS.has(o.autocomplete))
    ? new UserError('error.unknownOptionOrQuote', { ...params, text: clip(cleanText(token), 60) }, suggestions)
    : new UserError('error.unknownOption', params, suggestions);
}

function pageNumber(text: string): number {
  const page = Number(unquote(text));
  if (!/^\d{1,4}$/.test(unquote(text)) || page < 1) throw new UserError('error.badPageNumber', {});
  return page;
}

/** Splits a command line into "/name" and the text after it; undefined when it is not a command. */
export function splitCommandLine(line: string): { command: string; text: string } | undefined {
  const match = /^\s*\/(\S+)\s*(.*)$/s.exec(line);
  if (!match) return undefined;
  return { command: (match[1] ?? '').toLowerCase(), text: match[2] ?? '' };
}

interface Token {
  text: string;
  quoted: boolean;
}

const OPEN_QUOTES = new Set(['"', '“', '”', '＂']);

function tokenize(text: string, command: Command, slash: (name: string) => string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(char)) {
      const end = findClosingQuote(text, i + 1);
      if (end < 0) throw new UserError('error.unclosedQuote', { usage: usageLine(command, true, slash) });
      tokens.push({ text: text.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    // A bare word, which may contain a quoted value after "name:" (timezone:"America/New_York").
    let j = i;
    while (j < text.length && !/\s/.test(text[j] ?? '')) {
      if (OPEN_QUOTES.has(text[j] ?? '') && j > i && /[:=]$/.test(text.slice(i, j))) {
        const end = findClosingQuote(text, j + 1);
        if (end < 0) throw new UserError('error.unclosedQuote', { usage: usageLine(command, true, slash) });
        j = end + 1;
        break;
      }
      j++;
    }
    tokens.push({ text: text.slice(i, j), quoted: false });
    i = j;
  }
  return tokens;
}

function findClosingQuote(text: string, from: number): number {
  for (let k = from; k < text.length; k++) if (OPEN_QUOTES.has(text[k] ?? '')) return k;
  return -1;
}

function unquote(value: string): string {
  const first = value[0];
  const last = value[value.length - 1];
  return value.length >= 2 && first && last && OPEN_QUOTES.has(first) && OPEN_QUOTES.has(last) ? value.slice(1, -1) : value;
}
