import type { Catalog } from './catalog.js';
import type { Localized } from './schema.js';
import type { SearchDoc } from './search/index.js';

/**
 * What the search sees of each entry: `names` are things a user types to mean
 * exactly this entry; `keywords` (paper titles, full names) only help ranking; `descriptions` (notes,
 * remarks, overviews) are searched as text when no name matches.
 */
export function buildSearchDocs(catalog: Pick<Catalog, 'topics' | 'tasks' | 'models' | 'datasets' | 'concepts'>): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const topic of catalog.topics) {
    docs.push({
      id: topic.id,
      kind: 'topic',
      names: [topic.name.en, topic.name.ja, ...topic.aliases],
      keywords: [...(topic.keywords?.en ?? []), ...(topic.keywords?.ja ?? [])],
      descriptions: both(topic.overview),
    });
  }
  for (const task of catalog.tasks) {
    docs.push({ id: task.id, kind: 'task', names: [task.name.en, task.name.ja, ...task.aliases] });
  }
  for (const model of catalog.models) {
    docs.push({
      id: model.id,
      kind: 'model',
      names: [model.name, ...optional(model.name_ja), ...model.aliases],
      keywords: keywords(model.paper?.title),
      descriptions: both(model.note),
    });
  }
  for (const dataset of catalog.datasets) {
    docs.push({
      id: dataset.id,
      kind: 'dataset',
      names: [dataset.name, ...optional(dataset.name_ja), ...dataset.aliases],
      keywords: keywords(dataset.full_name, dataset.paper?.title),
      descriptions: [...both(dataset.remarks), ...both(dataset.size_note)],
    });
  }
  for (const concept of catalog.concepts) {
    docs.push({
      id: concept.id,
      kind: 'concept',
      names: [concept.name, ...optional(concept.name_ja), ...concept.aliases],
      keywords: keywords(concept.paper?.title),
      descriptions: both(concept.note),
    });
  }
  return docs;
}

/** A note in both languages, English first: each language's sentences find queries in that language. */
function both(text: Localized | undefined): string[] {
  return text ? [text.en, text.ja] : [];
}

function keywords(...texts: (string | undefined)[]): string[] {
  return texts.filter((text): text is string => Boolean(text));
}

function optional(text: string | undefined): string[] {
  return text ? [text] : [];
}
