import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField } from '../core/reply.js';
import { pageButtons, pageSlice } from '../core/paging.js';
import type { DatasetEntry, TaskEntry } from '../catalog/schema.js';
import { formatSize } from './format.js';

type Context = Pick<CommandContext, 'lang' | 't' | 'catalog' | 'page'>;

const DATASETS_PER_PAGE = 8;

/**
 * Every dataset filed under a task or any task below it ("segmentation" →
 * semantic and instance), each with the classes and size that apply to that
 * task. `query` and `command` are what the page buttons re-run.
 */
export function taskDatasetsReply(task: TaskEntry, context: Context, query: string, command = 'dataset'): Reply {
  const { t, lang, catalog } = context;
  const family = catalog.taskFamily(task.id);
  const datasets = catalog.datasetsForTask(task.id);
  const taskName = task.name[lang];
  if (datasets.length === 0) {
    return { kind: 'list', title: t('dataset.forTask', { task: taskName }), text: t('dataset.noneForTask', { task: taskName }) };
  }
  const slice = pageSlice(datasets, context.page, DATASETS_PER_PAGE);
  const fields = slice.items.map((dataset) => datasetLine(dataset, family, context));
  return {
    kind: 'list',
    title: t('dataset.forTask', { task: taskName }),
    text: datasets.length === 1 ? t('dataset.forTaskIntroOne', { task: taskName }) : t('dataset.forTaskIntro', { count: datasets.length, task: taskName }),
    fields,
    buttons: pageButtons({ command, query }, slice, t, lang),
    ...(slice.pages > 1 ? { footer: t('footer.page', { page: slice.page, pages: slice.pages }) } : {}),
  };
}

/** "Cityscapes (2016)": "Semantic segmentation · Instance segmentation · 30 classes · 25,000 images". */
function datasetLine(dataset: DatasetEntry, family: Set<string>, { t, lang, catalog }: Context): ReplyField {
  const matching = dataset.tasks.filter((id) => family.has(id));
  const figures = dataset.figures.filter((figure) => family.has(figure.task));
  const parts = figures.length > 0
    ? figures.map((figure) =>
        [catalog.displayName(figure.task, lang), figure.version, formatSize(figure, lang, t)].filter(Boolean).join(' · '),
      )
    : [[...matching.map((id) => catalog.displayName(id, lang)), formatSize(dataset, lang, t)].filter(Boolean).join(' · ')];
  const name = dataset.year !== undefined ? `${dataset.name} (${dataset.year})` : dataset.name;
  return { name, value: parts.join('\n') };
}
