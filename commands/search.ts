import type { Command } from '../src/core/command.js';
import type { Reply, ReplyField } from '../src/core/reply.js';
import { pageButtons, pageSlice, QUERY_MAX_LENGTH } from '../src/core/paging.js';
import { ENTRY_KINDS } from '../src/catalog/schema.js';
import { translateDynamic } from '../src/i18n/index.js';
import { notFound } from '../src/present/suggest.js';
import { excerptField } from '../src/present/described.js';

const MAX_HITS = 60;
const HITS_PER_PAGE = 15;

/**
 * /search <text>: everything that matches, grouped by kind, best first within each — names
 * first, then entries whose notes match the words (a description of what a paper does).
 */
export default {
  name: 'search',
  description: 'cmd.search.description',
  paged: true,
  example: 'cmd.search.example',
  options: [{ name: 'query', type: 'string', description: 'cmd.search.query', required: true, maxLength: QUERY_MAX_LENGTH, autocomplete: 'any' }],
  execute(options, context): Reply {
    const query = String(options.query);
    const { catalog, t, lang } = context;
    const hits = catalog.search.search(query, { limit: MAX_HITS, descriptions: true });
    if (hits.length === 0) throw notFound('search', query, catalog, lang);
    const slice = pageSlice(hits, context.page, HITS_PER_PAGE);
    const fields: ReplyField[] = [];
    // Found through a description: the best match first, with the note sentence that matched, so the user sees why.
    const best = hits[0]!;
    if (slice.page === 1 && best.how === 'text') {
      const field = excerptField(catalog, query, best.id, t('search.best', { name: describe(best.id, context) }));
      if (field) fields.push(field);
    }
    for (const kind of ENTRY_KINDS) {
      const ofKind = slice.items.filter((hit) => hit.kind === kind);
      if (ofKind.length === 0) continue;
      fields.push({
        name: `${translateDynamic(lang, `kind.${kind}s`)} (${ofKind.length})`,
        value: ofKind.map((hit) => `• ${describe(hit.id, context)}`).join('\n'),
      });
    }
    return {
      kind: 'list',
      title: t('search.title', { query }),
      text: hits.length === 1 ? t('search.introOne') : t('search.intro', { count: hits.length }),
      fields,
      buttons: pageButtons({ command: 'search', query }, slice, t, lang),
      ...(slice.pages > 1 ? { footer: t('footer.page', { page: slice.page, pages: slice.pages }) } : {}),
    };
  },
} satisfies Command;

/** "X3D — Video recognition, 2020": the name plus where it sits. */
function describe(id: string, { catalog, lang }: Parameters<Command['execute']>[1]): string {
  const found = catalog.get(id);
  if (!found) return id;
  const name = catalog.displayName(id, lang);
  switch (found.kind) {
    case 'model':
      return [name, catalog.displayName(found.entry.topic, lang), found.entry.paper.year].filter(Boolean).join(' — ');
    case 'dataset':
    case 'concept':
      return `${name} — ${catalog.displayName(found.entry.topic, lang)}`;
    default:
      return name;
  }
}
