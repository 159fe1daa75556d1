import type { ConceptEntry, DatasetEntry, ModelEntry, TaskEntry, TopicEntry } from './schema.js';

type ListName = 'topics' | 'tasks' | 'models' | 'datasets' | 'concepts';
type AnyEntry = TopicEntry | TaskEntry | ModelEntry | DatasetEntry | ConceptEntry;

/** One entry and a way to turn a field path inside it into "file:line". */
export interface Located {
  list: ListName;
  entry: AnyEntry;
  where(path: readonly PropertyKey[]): string;
}

/**
 * Ids must be unique across every kind, and every reference must resolve to
 * an entry of the right kind: `topic` to a topic, `tasks` to tasks, `related`
 * to anything. Returns every problem, located.
 */
export function checkReferences(entries: readonly Located[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Located>();
  for (const item of entries) {
    const first = byId.get(item.entry.id);
    if (first) problems.push(`${item.where(['id'])}: id "${item.entry.id}" is already used at ${first.where(['id'])}`);
    else byId.set(item.entry.id, item);
  }
  const expect = (item: Located, path: PropertyKey[], id: string, list?: ListName) => {
    const target = byId.get(id);
    if (!target) problems.push(`${item.where(path)}: "${id}" does not match any entry's id`);
    else if (list && target.list !== list) problems.push(`${item.where(path)}: "${id}" is in ${target.list}, expected one of the ${list}`);
  };
  for (const item of entries) {
    const entry = item.entry;
    entry.related.forEach((id, i) => {
      if (id === entry.id) problems.push(`${item.where(['related', i])}: an entry cannot be related to itself`);
      else expect(item, ['related', i], id);
    });
    if ('topic' in entry) expect(item, ['topic'], entry.topic, 'topics');
    if ('parent' in entry && entry.parent) expect(item, ['parent'], entry.parent, 'tasks');
    if ('tasks' in entry) {
      entry.tasks.forEach((id, i) => expect(item, ['tasks', i], id, 'tasks'));
      entry.figures.forEach((figure, i) => {
        if (!entry.tasks.includes(figure.task)) {
          problems.push(`${item.where(['figures', i, 'task'])}: "${figure.task}" is not one of this dataset's tasks (${entry.tasks.join(', ')})`);
        }
      });
    }
  }
  return problems;
}
