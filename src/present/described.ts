import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField } from '../core/reply.js';
import type { Catalog } from '../catalog/catalog.js';
import type { EntryKind } from '../catalog/schema.js';
import type { SearchHit } from '../catalog/search/index.js';
import { COMMAND_FOR_KIND } from './kinds.js';
import type { Lookup } from './lookup.js';

/**
 * /model and /dataset when no name matched: the entries whose descriptions
 * match. One answer only when it is clearly ahead (index.ts, DESCRIPTION_LEAD);
 * otherwise the top three, to choose from — never a silent wrong answer.
 */
export function describedLookup(catalog: Catalog, query: string, kinds: readonly EntryKind[]): Lookup {
  const { hits, clearlyAhead } = catalog.search.describe(query, { kinds, limit: 3 });
  if (hits.length === 0) return { none: true };
  return clearlyAhead ? { one: hits[0]! } : { many: hits };
}

/** "Did you mean" from the descriptions: each candidate with the command that opens it, privately. */
export function didYouMeanReply(query: string, hits: readonly SearchHit[], { t, lang, catalog }: Pick<CommandContext, 't' | 'lang' | 'catalog'>): Reply {
  return {
    kind: 'list',
    ephemeral: true,
    title: t('model.didYouMean', { query }),
    fields: hits.map((hit) => {
      const name = catalog.displayName(hit.id, lang);
      return { name, value: `/${COMMAND_FOR_KIND[hit.kind]} ${name}`, inline: true };
    }),
  };
}

/** The note sentence a query matched, as a field with the matched words in bold; undefined when none matched. */
export function excerptField(catalog: Catalog, query: string, id: string, name: string): ReplyField | undefined {
  const excerpt = catalog.search.excerpt(query, id);
  if (!excerpt) return undefined;
  return { name, value: excerpt.text, bold: excerpt.bold };
}

/** A card found through its description, with the sentence that matched first so the reader sees why. */
export function withExcerpt(reply: Reply, catalog: Catalog, query: string, id: string, t: CommandContext['t']): Reply {
  const field = excerptField(catalog, query, id, t('search.fromNote'));
  return field ? { ...reply, fields: [field, ...(reply.fields ?? [])] } : reply;
}
