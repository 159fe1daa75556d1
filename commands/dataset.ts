import type { Command } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { QUERY_MAX_LENGTH } from '../src/core/paging.js';
import { entryReply } from '../src/present/entry.js';
import { taskDatasetsReply } from '../src/present/dataset-list.js';
import { choicesReply, lookup } from '../src/present/lookup.js';
import { describedLookup, didYouMeanReply, withExcerpt } from '../src/present/described.js';
import { taskFamilyNamed } from '../src/present/task-family.js';
import { notFound } from '../src/present/suggest.js';
import { KINDS_FOR } from '../src/present/kinds.js';

const KINDS = KINDS_FOR.dataset;

/**
 * /dataset <task or name>: a task lists its datasets (sub-tasks included); a
 * query naming several tasks alike ("3d") lists all of them, grouped by task;
 * a name shows one dataset; a description with no name match shows the dataset
 * its remarks describe when clearly ahead, else "did you mean" (present/described.ts).
 */
export default {
  name: 'dataset',
  description: 'cmd.dataset.description',
  paged: true,
  example: 'cmd.dataset.example',
  options: [{ name: 'query', type: 'string', description: 'cmd.dataset.query', required: true, maxLength: QUERY_MAX_LENGTH, autocomplete: 'dataset' }],
  execute(options, context): Reply {
    const query = String(options.query);
    const { catalog, lang } = context;
    const result = lookup(catalog, query, KINDS);
    if ('many' in result) {
      const family = taskFamilyNamed(catalog, result.many);
      if (family.length > 0) return taskDatasetsReply(family, context, query);
      return choicesReply(query, result.many, context);
    }
    if ('one' in result) {
      const task = catalog.task(result.one.id);
      if (task) return taskDatasetsReply(task, context, query);
      const found = catalog.get(result.one.id);
      if (found) return entryReply(found, context);
    }
    if ('none' in result) {
      // No name matches: the dataset its remarks describe ("胸部X線のデータセット"), or the top three to choose from.
      const described = describedLookup(catalog, query, KINDS);
      if ('many' in described) return didYouMeanReply(query, described.many, context);
      const match = 'one' in described ? catalog.get(described.one.id) : undefined;
      const task = match && catalog.task(match.entry.id);
      if (task) return taskDatasetsReply(task, context, query);
      if (match) return withExcerpt(entryReply(match, context), catalog, query, match.entry.id, context.t);
    }
    throw notFound('dataset', query, catalog, lang, KINDS);
  },
} satisfies Command;
