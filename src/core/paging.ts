import type { Translate } from '../i18n/index.js';
import { UserError } from './errors.js';
import type { ReplyButton } from './reply.js';

/**
 * Paging buttons carry `p1:<command>:<page>:<query>` — short enough for
 * Discord's 100-character custom ids because query options are capped at 80
 * characters. The handler re-runs the command, so nothing in the id is trusted.
 */
const PREFIX = 'p1';

export interface PageRequest {
  command: string;
  page: number;
  query: string;
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

export function pageButtons(request: Omit<PageRequest, 'page'>, slice: PageSlice<unknown>, t: Translate): ReplyButton[] {
  if (slice.pages <= 1) return [];
  const id = (page: number) => [PREFIX, request.command, page, request.query].join(':');
  return [
    { id: id(slice.page - 1), label: t('button.previous'), style: 'secondary', disabled: slice.page <= 1 },
    { id: id(slice.page + 1), label: t('button.next'), style: 'secondary', disabled: slice.page >= slice.pages },
  ];
}

export function parsePageButton(id: string): PageRequest | undefined {
  const match = /^p1:([a-z][a-z0-9-]*):(\d{1,4}):(.*)$/s.exec(id);
  if (!match) return undefined;
  return { command: match[1] ?? '', page: Number(match[2]), query: match[3] ?? '' };
}

/**
 * What a paging button asks for, as command options: the query goes back into
 * the command's first option, exactly as if it had been typed again.
 */
export function pageButtonTarget(
  id: string,
  registry: { get(name: string): { options: readonly { name: string }[] } | undefined },
): { command: string; options: Record<string, string>; page: number } | undefined {
  const request = parsePageButton(id);
  if (!request) return undefined;
  const firstOption = registry.get(request.command)?.options[0]?.name;
  const options = firstOption && request.query !== '' ? { [firstOption]: request.query } : {};
  return { command: request.command, options, page: request.page };
}
