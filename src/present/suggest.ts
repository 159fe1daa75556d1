import { UserError } from '../core/errors.js';
import type { Catalog } from '../catalog/catalog.js';
import type { EntryKind } from '../catalog/schema.js';
import type { Lang } from '../i18n/index.js';
import { COMMAND_FOR_KIND } from './kinds.js';


/**
 * "Nothing matches" with up to three ready-to-run suggestions, looked for in
 * the command's own kinds first and then anywhere in the catalog.
 */
export function notFound(command: string, query: string, catalog: Catalog, lang: Lang, kinds?: readonly EntryKind[]): UserError {
  const own = kinds ? catalog.search.suggest(query, { kinds }) : [];
  const hits = own.length > 0 ? own : catalog.search.suggest(query);
  const suggestions = hits.slice(0, 3).map((hit) => `/${COMMAND_FOR_KIND[hit.kind]} ${catalog.displayName(hit.id, lang)}`);
  if (suggestions.length === 0) return new UserError('error.notFoundNoSuggestion', { command, query });
  return new UserError('error.notFound', { command, query }, suggestions);
}
