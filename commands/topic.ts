import type { Command } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { QUERY_MAX_LENGTH } from '../src/core/paging.js';
import { topicListReply, topicReply } from '../src/present/topic.js';
import { findSection, sectionChoicesReply } from '../src/present/topic-lookup.js';
import { notFound } from '../src/present/suggest.js';

/**
 * /topic [section]: a section's overview and entries; with no name, the list of
 * sections. A section is found by its name or number, its key terms, or anything
 * filed in it ("/topic ViT" opens Transformers).
 */
export default {
  name: 'topic',
  description: 'cmd.topic.description',
  example: 'cmd.topic.example',
  options: [{ name: 'name', type: 'string', description: 'cmd.topic.name', maxLength: QUERY_MAX_LENGTH, autocomplete: 'topic' }],
  execute(options, context): Reply {
    const { catalog, lang } = context;
    if (options.name === undefined) return topicListReply(context);
    const query = String(options.name);
    const found = findSection(catalog, query);
    if ('section' in found) return topicReply(found.section, context, found.via);
    if ('choices' in found) return sectionChoicesReply(query, found.choices, context);
    throw notFound('topic', query, catalog, lang, ['topic']);
  },
} satisfies Command;
