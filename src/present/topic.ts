import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField } from '../core/reply.js';
import type { TopicEntry } from '../catalog/schema.js';
import { clip } from '../core/text.js';

type Context = Pick<CommandContext, 'lang' | 't' | 'catalog'>;

/** A section: its overview, then its models, datasets and concepts by name. */
export function topicReply(topic: TopicEntry, { t, lang, catalog }: Context): Reply {
  const contents = catalog.topicContents(topic.id);
  const fields: ReplyField[] = [];
  const add = (label: string, names: string[]) => {
    if (names.length > 0) fields.push({ name: `${label} (${names.length})`, value: names.join(', ') });
  };
  add(t('kind.models'), contents.models.map((entry) => catalog.displayName(entry.id, lang)));
  add(t('kind.datasets'), contents.datasets.map((entry) => catalog.displayName(entry.id, lang)));
  add(t('kind.concepts'), contents.concepts.map((entry) => catalog.displayName(entry.id, lang)));
  return {
    kind: 'topic',
    title: `${topic.order}. ${topic.name[lang]}`,
    text: topic.overview[lang],
    fields,
    footer: t('footer.source', { topic: topic.name[lang] }),
  };
}

/** Every section in the survey's order, each with a one-line taste of its overview. */
export function topicListReply({ t, lang, catalog }: Context): Reply {
  return {
    kind: 'list',
    title: t('topic.listTitle'),
    text: t('topic.listIntro', { count: catalog.topics.length }),
    fields: catalog.topics.map((topic) => {
      const contents = catalog.topicContents(topic.id);
      const count = contents.models.length + contents.datasets.length + contents.concepts.length;
      const other = lang === 'ja' ? topic.name.en : topic.name.ja;
      return {
        name: `${topic.order}. ${topic.name[lang]} (${other})`,
        value: `${t('topic.entries', { count })} — ${clip(topic.overview[lang], 120)}`,
      };
    }),
  };
}
