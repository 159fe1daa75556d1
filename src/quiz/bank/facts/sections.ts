import type { Catalog } from '../../../catalog/catalog.js';
import type { Localized, TopicEntry } from '../../../catalog/schema.js';
import { foldText } from '../text.js';
import { mentions, mentionsFolded, nameOf, type NamedEntry } from './entries.js';
import { factId, pickDistractors, type FactDraft } from './pick.js';

/**
 * "Which section of the survey covers X?" for every model, dataset and
 * concept. Choices are section names. A section is not offered as a wrong
 * choice when it could be defended as right: its overview names X, it lists X
 * as related, it holds an entry X is related to (DeiT relates to ViT, so
 * "Transformers" is out), or its title and X's name contain each other. A question whose
 * right section is named in X's own name ("Meta-survey on efficient
 * training") gives itself away and is skipped.
 */

/** Datasets filed under another section (Kinetics under video recognition) may still be called survey "datasets". */
const DATASETS_SECTION = 'datasets';

interface Covered {
  kind: 'model' | 'dataset' | 'concept';
  entry: NamedEntry;
  about: Localized;
}

export function sectionQuestions(catalog: Catalog): FactDraft[] {
  const covered: Covered[] = [
    ...catalog.models.map((entry): Covered => ({ kind: 'model', entry, about: entry.note })),
    ...catalog.datasets.map((entry): Covered => ({ kind: 'dataset', entry, about: entry.remarks })),
    ...catalog.concepts.map((entry): Covered => ({ kind: 'concept', entry, about: entry.note })),
  ];
  const overviews = new Map(catalog.topics.map((topic) => [topic.id, [foldText(topic.overview.en), foldText(topic.overview.ja)]]));
  const drafts: FactDraft[] = [];
  for (const { kind, entry, about } of covered) {
    const topic = catalog.topic(entry.topic);
    if (!topic) continue;
    const name = nameOf(catalog, entry.id);
    // Only the name the reader sees can give the answer away; every alias can make a wrong choice defensible.
    if (namesEachOther(topic, [name.ja, name.en])) continue;
    const names = [entry.name, ...(entry.name_ja ? [entry.name_ja] : []), ...entry.aliases].map(foldText);
    const neighbours = new Set(entry.related.map((id) => relatedTopic(catalog, id)));
    const wrong = catalog.topics.filter(
      (other) =>
        other.id !== topic.id &&
        !neighbours.has(other.id) &&
        !other.related.includes(entry.id) &&
        !namesEachOther(other, names) &&
        !names.some((name) => overviews.get(other.id)!.some((text) => mentionsFolded(text, name))) &&
        !(kind === 'dataset' && other.id === DATASETS_SECTION),
    );
    const id = factId('section', entry.id);
    const distractors = pickDistractors(id, topic.name, wrong.map((other) => ({ key: other.id, label: other.name })));
    if (!distractors) continue;
    drafts.push({
      template: 'section',
      source: entry.id,
      difficulty: 'easy',
      question: { ja: `${name.ja}はサーベイのどの章で扱われている？`, en: `Which section of the survey covers ${name.en}?` },
      answer: topic.name,
      distractors,
      explanation: {
        ja: `${name.ja}は第${topic.order}章「${topic.name.ja}」で扱われている。${about.ja}`,
        en: `${name.en} is covered in section ${topic.order}, “${topic.name.en}”. ${about.en}`,
      },
    });
  }
  return drafts;
}

/** The section an entry belongs to (a topic is its own section; tasks belong to none). */
function relatedTopic(catalog: Catalog, id: string): string | undefined {
  const found = catalog.get(id);
  if (!found || found.kind === 'task') return undefined;
  return found.kind === 'topic' ? found.entry.id : found.entry.topic;
}

/** The section's title names the entry, or the entry's name names the section. */
function namesEachOther(topic: TopicEntry, names: readonly string[]): boolean {
  const titles = [topic.name.ja, topic.name.en];
  return names.some((name) => titles.some((title) => mentions(title, name) || mentions(name, title)));
}
