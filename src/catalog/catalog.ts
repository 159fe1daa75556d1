import type { Lang } from '../i18n/index.js';
import type { ConceptEntry, DatasetEntry, EntryKind, ModelEntry, TaskEntry, TopicEntry } from './schema.js';
import { SearchIndex } from './search/index.js';
import { buildSearchDocs } from './search-docs.js';

export interface CatalogData {
  topics: TopicEntry[];
  tasks: TaskEntry[];
  models: ModelEntry[];
  datasets: DatasetEntry[];
  concepts: ConceptEntry[];
}

export type CatalogEntry =
  | { kind: 'model'; entry: ModelEntry }
  | { kind: 'dataset'; entry: DatasetEntry }
  | { kind: 'concept'; entry: ConceptEntry }
  | { kind: 'topic'; entry: TopicEntry }
  | { kind: 'task'; entry: TaskEntry };

export interface TopicContents {
  models: ModelEntry[];
  datasets: DatasetEntry[];
  concepts: ConceptEntry[];
}

/** The loaded, validated catalog: read-only lookups plus the shared search index. */
export class Catalog {
  readonly topics: readonly TopicEntry[];
  readonly tasks: readonly TaskEntry[];
  readonly models: readonly ModelEntry[];
  readonly datasets: readonly DatasetEntry[];
  readonly concepts: readonly ConceptEntry[];
  readonly search: SearchIndex;
  private readonly byId = new Map<string, CatalogEntry>();

  constructor(data: CatalogData) {
    this.topics = [...data.topics].sort((a, b) => a.order - b.order);
    this.tasks = data.tasks;
    this.models = data.models;
    this.datasets = data.datasets;
    this.concepts = data.concepts;
    for (const entry of data.topics) this.byId.set(entry.id, { kind: 'topic', entry });
    for (const entry of data.tasks) this.byId.set(entry.id, { kind: 'task', entry });
    for (const entry of data.models) this.byId.set(entry.id, { kind: 'model', entry });
    for (const entry of data.datasets) this.byId.set(entry.id, { kind: 'dataset', entry });
    for (const entry of data.concepts) this.byId.set(entry.id, { kind: 'concept', entry });
    // Descriptions are indexed when a query first needs them: a lookup by name never does.
    this.search = new SearchIndex(buildSearchDocs(this), { descriptionsOnFirstUse: true });
  }

  get(id: string): CatalogEntry | undefined {
    return this.byId.get(id);
  }

  topic(id: string): TopicEntry | undefined {
    const found = this.byId.get(id);
    return found?.kind === 'topic' ? found.entry : undefined;
  }

  task(id: string): TaskEntry | undefined {
    const found = this.byId.get(id);
    return found?.kind === 'task' ? found.entry : undefined;
  }

  /** A name fit for a list: topics and tasks in the reader's language, others as named. */
  displayName(id: string, lang: Lang): string {
    const found = this.byId.get(id);
    if (!found) return id;
    const entry = found.entry;
    if (typeof entry.name !== 'string') return entry.name[lang];
    return lang === 'ja' && 'name_ja' in entry && entry.name_ja ? entry.name_ja : entry.name;
  }

  /** The task and every task below it in the taxonomy. */
  taskFamily(id: string): Set<string> {
    const family = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const task of this.tasks) {
        if (task.parent && family.has(task.parent) && !family.has(task.id)) {
          family.add(task.id);
          grew = true;
        }
      }
    }
    return family;
  }

  /** The tasks directly below a task, in catalog order. */
  subtasks(id: string): TaskEntry[] {
    return this.tasks.filter((task) => task.parent === id);
  }

  /**
   * The survey section an entry belongs to: a section is its own; a model,
   * dataset or concept names its section; a task has none of its own, so it
   * goes where most of its datasets are (action recognition → video
   * recognition, image-to-image translation → cycle consistency).
   */
  sectionOf(id: string): TopicEntry | undefined {
    const found = this.byId.get(id);
    if (!found) return undefined;
    if (found.kind === 'topic') return found.entry;
    if (found.kind !== 'task') return this.topic(found.entry.topic);
    const votes = new Map<string, number>();
    for (const dataset of this.datasetsForTask(id)) votes.set(dataset.topic, (votes.get(dataset.topic) ?? 0) + 1);
    let section: TopicEntry | undefined;
    let most = 0;
    // Topics are in survey order, so a tie goes to the earlier section.
    for (const topic of this.topics) {
      const count = votes.get(topic.id) ?? 0;
      if (count > most) [section, most] = [topic, count];
    }
    return section;
  }

  datasetsForTask(id: string): DatasetEntry[] {
    const family = this.taskFamily(id);
    return this.datasets.filter((dataset) => dataset.tasks.some((task) => family.has(task)));
  }

  topicContents(id: string): TopicContents {
    return {
      models: this.models.filter((entry) => entry.topic === id),
      datasets: this.datasets.filter((entry) => entry.topic === id),
      concepts: this.concepts.filter((entry) => entry.topic === id),
    };
  }

  counts(): Record<EntryKind, number> {
    return {
      model: this.models.length,
      dataset: this.datasets.length,
      concept: this.concepts.length,
      topic: this.topics.length,
      task: this.tasks.length,
    };
  }
}
