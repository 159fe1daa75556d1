import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField } from '../core/reply.js';
import { pageButtons, pageSlice } from '../core/paging.js';
import type { Catalog } from '../catalog/catalog.js';
import type { DatasetEntry, TaskEntry } from '../catalog/schema.js';
import type { Lang } from '../i18n/index.js';
import { formatSize } from './format.js';

type Context = Pick<CommandContext, 'lang' | 't' | 'catalog' | 'page'>;

/** Lines (one dataset under one task) per page; a dataset filed under two listed tasks takes two. */
const LINES_PER_PAGE = 10;

interface TaskGroup {
  task: TaskEntry;
  datasets: DatasetEntry[];
}

/**
 * The datasets of one task or of a family of tasks, grouped by task: a task
 * with sub-tasks shows each sub-task as its own group ("segmentation" →
 * semantic, instance), and a family ("3d" → 3D objects, 3D scenes) shows every
 * task in it. Each line carries the classes and size that apply to its task.
 * `query` and `command` are what the page buttons re-run.
 */
export function taskDatasetsReply(named: TaskEntry | readonly TaskEntry[], context: Context, query: string, command = 'dataset'): Reply {
  const { t, lang, catalog } = context;
  const tasks: readonly TaskEntry[] = Array.isArray(named) ? named : [named as TaskEntry];
  const groups = tasks.flatMap((task) => groupsUnder(task, catalog)).filter((group) => group.datasets.length > 0);
  const lines = groups.flatMap((group) => group.datasets.map((dataset) => ({ group, dataset })));
  const datasetCount = new Set(lines.map((line) => line.dataset.id)).size;
  const title = titleAndIntro(tasks, datasetCount, context);
  if (datasetCount === 0) return { kind: 'list', title: title.title, text: title.none };

  const slice = pageSlice(lines, context.page, LINES_PER_PAGE);
  const fields: ReplyField[] = [];
  let current: { group: TaskGroup; field: ReplyField } | undefined;
  for (const { group, dataset } of slice.items) {
    if (current?.group !== group) {
      current = { group, field: { name: `${catalog.displayName(group.task.id, lang)} (${group.datasets.length})`, value: '' } };
      fields.push(current.field);
    }
    current.field.value += `${current.field.value ? '\n' : ''}• ${datasetLine(dataset, group.task, context)}`;
  }
  return {
    kind: 'list',
    title: title.title,
    text: title.intro,
    fields,
    buttons: pageButtons({ command, query }, slice, t, lang),
    ...(slice.pages > 1 ? { footer: t('footer.page', { page: slice.page, pages: slice.pages }) } : {}),
  };
}

/** A task without sub-tasks is one group; a parent is its own datasets (if any) and then each sub-task's groups. */
function groupsUnder(task: TaskEntry, catalog: Catalog, seen = new Set<string>()): TaskGroup[] {
  if (seen.has(task.id)) return [];
  seen.add(task.id);
  const own = { task, datasets: catalog.datasets.filter((dataset) => dataset.tasks.includes(task.id)) };
  const children = catalog.subtasks(task.id);
  if (children.length === 0) return [own];
  return [own, ...children.flatMap((child) => groupsUnder(child, catalog, seen))];
}

/** "ADE20K (2016) — 150 classes · 25,574 images": the figures for this task where the dataset has them, else its headline ones. */
function datasetLine(dataset: DatasetEntry, task: TaskEntry, { t, lang }: Context): string {
  const figure = dataset.figures.find((candidate) => candidate.task === task.id);
  const details = figure ? [figure.version, formatSize(figure, lang, t)] : [formatSize(dataset, lang, t)];
  const name = dataset.year !== undefined ? `${dataset.name} (${dataset.year})` : dataset.name;
  return [name, details.filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
}

function titleAndIntro(tasks: readonly TaskEntry[], count: number, { t, lang }: Context): { title: string; intro: string; none: string } {
  const names = tasks.map((task) => task.name[lang]);
  if (tasks.length === 1) {
    const task = names[0] ?? '';
    return {
      title: t('dataset.forTask', { task }),
      intro: count === 1 ? t('dataset.forTaskIntroOne', { task }) : t('dataset.forTaskIntro', { count, task }),
      none: t('dataset.noneForTask', { task }),
    };
  }
  const all = listFormat(lang, 'conjunction').format(names);
  const any = listFormat(lang, 'disjunction').format(names.map((task) => t('dataset.quotedTask', { task })));
  return {
    title: t('dataset.forTasks', { tasks: all }),
    intro: count === 1 ? t('dataset.forTasksIntroOne', { tasks: any }) : t('dataset.forTasksIntro', { count, tasks: any }),
    none: t('dataset.noneForTask', { task: all }),
  };
}

/** Built once per language and type, like the number formats in format.ts. */
const LIST_FORMATS = new Map<string, Intl.ListFormat>();

function listFormat(lang: Lang, type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  const key = `${lang}:${type}`;
  let format = LIST_FORMATS.get(key);
  if (!format) LIST_FORMATS.set(key, (format = new Intl.ListFormat(lang, { type })));
  return format;
}
