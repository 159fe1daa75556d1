import type { Lang, Translate } from '../i18n/index.js';
import { UserError } from './errors.js';
import type { ReplyButton } from './reply.js';
import { utf16Length, withoutDecoration } from './text.js';

/**
 * Paging buttons carry `p2:<command>:<page>:<lang>:<query>`, where a verb of
 * a command with subcommands rides after a dot (`p2:reading.list:2:en:`). The language is
 * the one the list was shown in, so whoever presses Next on a shared message
 * gets the same language, not their own. The handler re-runs the command, so
 * nothing in the id is trusted. (`p1:` ids, without the language, came
 * before; they still parse.)
 *
 * Discord takes custom ids of at most 100 UTF-16 code units and refuses a
 * message with a longer one, while it counts a typed option's length in
 * characters: 80 emoji pass the option's limit yet fill 160 units. So an id
 * carries the query as typed when it fits, else the query without its emoji
 * — the paged commands look their query up with the catalog search, which
 * ignores emoji, so page 2 lists exactly what page 1 promised (a new paged
 * command must treat its query the same way) — and validation refuses the
 * rare query that fits neither way (validate-options.ts), so a paged reply
 * always has buttons that work.
 */
const PREFIX = 'p2';

/** Discord's limit on a custom id, in UTF-16 code units. */
export const PAGE_ID_MAX_UNITS = 100;

/** The widest page number and language an id can carry, for checks that must hold on every page. */
const WIDEST_PAGE = 9999;
const WIDEST_LANG = 'ja';

/**
 * The longest query a paged or lookup command accepts, in characters (what
 * Discord's option max_length counts). Plain text this long always fits a
 * paging id as typed: "p2:dataset:9999:ja:" plus 80 units is 99.
 */
export const QUERY_MAX_LENGTH = 80;

export interface PageRequest {
  command: string;
  /** The verb, for a paged subcommand (`list` of `/reading`). */
  subcommand?: string;
  page: number;
  query: string;
  lang?: Lang;
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
}

export function pageSlice<T>(items: readonly T[], page: number, perPage: number): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  if (page > pages) throw new UserError('error.noSuchPage', { page, pages });
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pages };
}

function pageId(command: string, page: number, lang: Lang, query: string): string {
  return [PREFIX, command, page, lang, query].join(':');
}

function fitsPageId(id: string): boolean {
  return utf16Length(id) <= PAGE_ID_MAX_UNITS;
}

/**
 * For validation: whether a paged command's query can ride in its page ids on
 * any page, at least once emoji are set aside. Undefined when it can; else its
 * length in UTF-16 units (emoji aside) and the most that fits.
 */
export function pagingQueryOverflow(command: string, query: string): { units: number; max: number } | undefined {
  const plain = withoutDecoration(query);
  if (fitsPageId(pageId(command, WIDEST_PAGE, WIDEST_LANG, plain))) return undefined;
  const max = PAGE_ID_MAX_UNITS - utf16Length(pageId(command, WIDEST_PAGE, WIDEST_LANG, ''));
  return { units: utf16Length(plain), max };
}

/** Previous and Next; the ids carry the query as typed if they can, else without its emoji. */
export function pageButtons(request: Omit<PageRequest, 'page' | 'lang'>, slice: PageSlice<unknown>, t: Translate, lang: Lang): ReplyButton[] {
  if (slice.pages <= 1) return [];
  const command = request.subcommand ? `${request.command}.${request.subcommand}` : request.command;
  const idsFor = (query: string): [string, string] => [
    pageId(command, slice.page - 1, lang, query),
    pageId(command, slice.page + 1, lang, query),
  ];
  const asTyped = idsFor(request.query);
  const [previous, next] = asTyped.every(fitsPageId) ? asTyped : idsFor(withoutDecoration(request.query));
  // Validation refuses queries that fit neither way (pagingQueryOverflow), so this is our bug, not the user's.
  if (!fitsPageId(previous) || !fitsPageId(next)) {
    throw new Error(`paging ids for /${request.command} do not fit ${PAGE_ID_MAX_UNITS} UTF-16 units`);
  }
  return [
    { id: previous, label: t('button.previous'), style: 'secondary', disabled: slice.page <= 1 },
    { id: next, label: t('button.next'), style: 'secondary', disabled: slice.page >= slice.pages },
  ];
}

export function parsePageButton(id: string): PageRequest | undefined {
  const current = /^p2:([a-z][a-z0-9-]*)(?:\.([a-z][a-z0-9-]*))?:(\d{1,4}):(en|ja):(.*)$/s.exec(id);
  if (current) {
    const verb = current[2] ? { subcommand: current[2] } : {};
    return { command: current[1] ?? '', ...verb, page: Number(current[3]), lang: current[4] as Lang, query: current[5] ?? '' };
  }
  const old = /^p1:([a-z][a-z0-9-]*):(\d{1,4}):(.*)$/s.exec(id);
  if (old) return { command: old[1] ?? '', page: Number(old[2]), query: old[3] ?? '' };
  return undefined;
}

/** Any paging id, current or old: for adapters that route button clicks by prefix. */
export const PAGE_BUTTON_PATTERN = /^p[12]:/;

interface PagedCommand {
  options: readonly { name: string }[];
  subcommands?: readonly { name: string; options: readonly { name: string }[] }[];
}

/**
 * What a paging button asks for, as command options: the query goes back into
 * the first option of the command (or of its verb), exactly as if it had been typed again.
 */
export function pageButtonTarget(
  id: string,
  registry: { get(name: string): PagedCommand | undefined },
): { command: string; subcommand?: string; options: Record<string, string>; page: number; lang?: Lang } | undefined {
  const request = parsePageButton(id);
  if (!request) return undefined;
  const command = registry.get(request.command);
  const target = request.subcommand ? command?.subcommands?.find((sub) => sub.name === request.subcommand) : command;
  const firstOption = target?.options[0]?.name;
  const options = firstOption && request.query !== '' ? { [firstOption]: request.query } : {};
  return {
    command: request.command,
    ...(request.subcommand ? { subcommand: request.subcommand } : {}),
    options,
    page: request.page,
    ...(request.lang ? { lang: request.lang } : {}),
  };
}
