import type { Lang, Translate } from '../i18n/index.js';
import { UserError } from './errors.js';
import type { ReplyButton } from './reply.js';

/**
 * Paging buttons carry `p2:<command>:<page>:<lang>:<query>` — short enough
 * for Discord's 100-character custom ids because query options are capped at
 * 80 characters. The language is the one the list was shown in, so whoever
 * presses Next on a shared message gets the same language, not their own.
 * The handler re-runs the command, so nothing in the id is trusted.
 * (`p1:` ids, without the language, came before; they still parse.)
 */
const PREFIX = 'p2';

/**
 * The longest query a paged or lookup command accepts: "p2:dataset:9999:ja:"
 * plus this stays within Discord's 100-character custom ids.
 */
export const QUERY_MAX_LENGTH = 80;

export interface PageRequest {
  command: string;
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

export function pageButtons(request: Omit<PageRequest, 'page' | 'lang'>, slice: PageSlice<unknown>, t: Translate, lang: Lang): ReplyButton[] {
  if (slice.pages <= 1) return [];
  const id = (page: number) => [PREFIX, request.command, page, lang, request.query].join(':');
  return [
    { id: id(slice.page - 1), label: t('button.previous'), style: 'secondary', disabled: slice.page <= 1 },
    { id: id(slice.page + 1), label: t('button.next'), style: 'secondary', disabled: slice.page >= slice.pages },
  ];
}

export function parsePageButton(id: string): PageRequest | undefined {
  const current = /^p2:([a-z][a-z0-9-]*):(\d{1,4}):(en|ja):(.*)$/s.exec(id);
  if (current) return { command: current[1] ?? '', page: Number(current[2]), lang: current[3] as Lang, query: current[4] ?? '' };
  const old = /^p1:([a-z][a-z0-9-]*):(\d{1,4}):(.*)$/s.exec(id);
  if (old) return { command: old[1] ?? '', page: Number(old[2]), query: old[3] ?? '' };
  return undefined;
}

/** Any paging id, current or old: for adapters that route button clicks by prefix. */
export const PAGE_BUTTON_PATTERN = /^p[12]:/;

/**
 * What a paging button asks for, as command options: the query goes back into
 * the command's first option, exactly as if it had been typed again.
 */
export function pageButtonTarget(
  id: string,
  registry: { get(name: string): { options: readonly { name: string }[] } | undefined },
): { command: string; options: Record<string, string>; page: number; lang?: Lang } | undefined {
  const request = parsePageButton(id);
  if (!request) return undefined;
  const firstOption = registry.get(request.command)?.options[0]?.name;
  const options = firstOption && request.query !== '' ? { [firstOption]: request.query } : {};
  return { command: request.command, options, page: request.page, ...(request.lang ? { lang: request.lang } : {}) };
}
