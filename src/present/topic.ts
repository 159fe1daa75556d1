import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField } from '../core/reply.js';
import type { TopicEntry } from '../catalog/schema.js';
import type { SearchHit } from '../catalog/search/index.js';
import { clip } from '../core/text.js';
import type { Translate } from '../i18n/index.js';
import { viaName } from './topic-lookup.js';

type Context = Pick<CommandContext, 'lang' | 't' | 'catalog'>;

/**
 * A section: its overview, then its models, datasets and concepts by name.
 * `via` is the entry or key term that led here, said first so "/topic ViT"
 * explains why it shows the Transformers section.
 */
export function topicReply(topic: TopicEntry, { t, lang, catalog }: Context, via?: SearchHit): Reply {
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
    text: via ? `${viaLine(via, { t, lang, catalog })}\n\n${topic.overview[lang]}` : topic.overview[lang],
    fields,
    footer: t('footer.source', { topic: topic.name[lang] }),
  };
}

/** "Found through “NAS” (Neural Architecture Search)": what was typed as the catalog has it, and the entry's name when that differs. */
function viaLine(via: SearchHit, { t, lang, catalog }: Pick<Context, 'lang' | 'catalog'> & { t: Translate }): string {
  const name = viaName(via, catalog, lang);
  return via.matched === name ? t('topic.via', { name }) : t('topic.viaAlias', { matched: via.matched, name });
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
