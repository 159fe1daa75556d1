import type { CommandContext } from '../core/command.js';
import type { Reply } from '../core/reply.js';
import type { Catalog } from '../catalog/catalog.js';
import type { EntryKind } from '../catalog/schema.js';
import type { SearchHit } from '../catalog/search/index.js';
import { COMMAND_FOR_KIND } from './kinds.js';

export type Lookup = { one: SearchHit } | { many: SearchHit[] } | { none: true };

/**
 * Resolves a lookup query among some kinds: a confident single answer, a
 * short list to choose from when the query is ambiguous, or nothing.
 */
export function lookup(catalog: Catalog, query: string, kinds: readonly EntryKind[]): Lookup {
  const best = catalog.search.best(query, { kinds });
  if (best) return { one: best };
  const hits = catalog.search.search(query, { kinds, limit: 10 });
  if (hits.length === 1 && hits[0]) return { one: hits[0] };
  if (hits.length > 1) return { many: hits };
  return { none: true };
}

/** "Several entries match": each candidate with the command that opens it — shown only to the asker, like "did you mean". */
export function choicesReply(query: string, hits: readonly SearchHit[], { t, lang, catalog }: Pick<CommandContext, 't' | 'lang' | 'catalog'>): Reply {
  return {
    kind: 'list',
    ephemeral: true,
    title: t('model.ambiguous', { query }),
    fields: hits.map((hit) => {
      const name = catalog.displayName(hit.id, lang);
      return { name, value: `/${COMMAND_FOR_KIND[hit.kind]} ${name}`, inline: true };
    }),
  };
}
