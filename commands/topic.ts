import type { Command } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { QUERY_MAX_LENGTH } from '../src/core/paging.js';
import { topicListReply, topicReply } from '../src/present/topic.js';
import { notFound } from '../src/present/suggest.js';

/** /topic [section]: a section's overview and entries; with no name, the list of sections. */
export default {
  name: 'topic',
  description: 'cmd.topic.description',
  example: 'cmd.topic.example',
  options: [{ name: 'name', type: 'string', description: 'cmd.topic.name', maxLength: QUERY_MAX_LENGTH, autocomplete: 'topic' }],
  execute(options, context): Reply {
    const { catalog, lang } = context;
    if (options.name === undefined) return topicListReply(context);
    const query = String(options.name);
    // People refer to sections by number too ("/topic 3").
    const byNumber = /^\d{1,2}$/.test(query) ? catalog.topics.find((t) => t.order === Number(query)) : undefined;
    if (byNumber) return topicReply(byNumber, context);
    const hit = catalog.search.best(query, { kinds: ['topic'] }) ?? catalog.search.search(query, { kinds: ['topic'], limit: 1 })[0];
    const topic = hit && catalog.topic(hit.id);
    if (topic) return topicReply(topic, context);
    throw notFound('topic', query, catalog, lang, ['topic']);
  },
} satisfies Command;
