import type { Command } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { QUERY_MAX_LENGTH } from '../src/core/paging.js';
import { entryReply } from '../src/present/entry.js';
import { choicesReply, lookup } from '../src/present/lookup.js';
import { describedLookup, didYouMeanReply, withExcerpt } from '../src/present/described.js';
import { notFound } from '../src/present/suggest.js';
import { KINDS_FOR } from '../src/present/kinds.js';

const KINDS = KINDS_FOR.model;

/**
 * /model <name or description>: one model or method card; a list to pick from when the name is
 * ambiguous; with no name match, the entry its note describes when clearly ahead, else "did you mean".
 */
export default {
  name: 'model',
  description: 'cmd.model.description',
  example: 'cmd.model.example',
  options: [{ name: 'name', type: 'string', description: 'cmd.model.name', required: true, maxLength: QUERY_MAX_LENGTH, autocomplete: 'model' }],
  execute(options, context): Reply {
    const query = String(options.name);
    const { catalog, lang } = context;
    const result = lookup(catalog, query, KINDS);
    if ('many' in result) return choicesReply(query, result.many, context);
    // A dataset or section typed into /model is shown rather than refused.
    const hit = 'one' in result ? result.one : catalog.search.best(query);
    const found = hit && catalog.get(hit.id);
    if (found) return entryReply(found, context);
    // No name anywhere: what the user typed may describe the entry ("the NeRF with thousands of tiny MLPs").
    const described = describedLookup(catalog, query, KINDS);
    if ('many' in described) return didYouMeanReply(query, described.many, context);
    const match = 'one' in described ? catalog.get(described.one.id) : undefined;
    if (match) return withExcerpt(entryReply(match, context), catalog, query, match.entry.id, context.t);
    throw notFound('model', query, catalog, lang, KINDS);
  },
} satisfies Command;
