import type { Catalog } from '../../../catalog/catalog.js';
import type { DatasetEntry } from '../../../catalog/schema.js';
import type { Bilingual } from '../../question.js';
import { confusableTasks, formatCount, mentions, nameOf } from './entries.js';
import { factId, pickDistractors, pickOne, type FactDraft } from './pick.js';

/**
 * Dataset facts: which dataset is for task T, which task dataset D is for,
 * and which dataset has N classes. A wrong choice must be wrong beyond doubt:
 * no dataset filed under a task a reader could take for T, no dataset whose
 * class count is unknown (it might be N), none whose per-task figures or size
 * note mention N.
 */

export function datasetQuestions(catalog: Catalog): FactDraft[] {
  return [...datasetForTask(catalog), ...taskOfDataset(catalog), ...classCounts(catalog)];
}

/**
 * The dataset's own name or paper title calls it one of `tasks`: ScanObjectNN's
 * paper is about point cloud "classification" and Sports-1M's about video
 * "classification", so neither is a safe wrong answer for image classification.
 */
function describedAs(catalog: Catalog, dataset: DatasetEntry, tasks: ReadonlySet<string>): boolean {
  const texts = [dataset.name, dataset.full_name ?? '', dataset.paper?.title ?? ''];
  const names = [...tasks].flatMap((id) => {
    const task = catalog.task(id);
    return task ? [task.name.ja, task.name.en, ...task.aliases] : [];
  });
  return names.some((name) => texts.some((text) => mentions(text, name)));
}

/** "物体検出・インスタンスセグメンテーション" / "object detection, instance segmentation", for use inside a sentence. */
function tasksOf(catalog: Catalog, dataset: DatasetEntry): Bilingual {
  return {
    ja: dataset.tasks.map((task) => catalog.displayName(task, 'ja')).join('・'),
    en: dataset.tasks.map((task) => lowerFirst(catalog.displayName(task, 'en'))).join(', '),
  };
}

/** "The other choices: ADE20K (semantic segmentation, …), …" — what the wrong answers are instead. */
function othersAre(catalog: Catalog, others: readonly DatasetEntry[], detail: (dataset: DatasetEntry) => Bilingual): Bilingual {
  return {
    ja: `ほかの選択肢は ${others.map((other) => `${catalog.displayName(other.id, 'ja')}（${detail(other).ja}）`).join('、')}。`,
    en: `The other choices: ${others.map((other) => `${catalog.displayName(other.id, 'en')} (${detail(other).en})`).join(', ')}.`,
  };
}

function byId(catalog: Catalog, picked: readonly { key: string }[]): DatasetEntry[] {
  return picked.flatMap(({ key }) => catalog.datasets.filter((dataset) => dataset.id === key));
}

/** One question per task that has no sub-tasks (a group such as "segmentation" is asked through its children). */
function datasetForTask(catalog: Catalog): FactDraft[] {
  const drafts: FactDraft[] = [];
  for (const task of catalog.tasks) {
    if (catalog.tasks.some((other) => other.parent === task.id)) continue;
    const id = factId('dataset-for-task', task.id);
    // A dataset whose main (first) task this is makes the clearest answer: Kinetics rather than a side use.
    const filed = catalog.datasetsForTask(task.id);
    const main = filed.filter((dataset) => dataset.tasks[0] === task.id);
    const answer = pickOne(id, main.length > 0 ? main : filed, (dataset) => dataset.id);
    if (!answer) continue;
    const confusable = confusableTasks(catalog, task.id);
    const wrong = catalog.datasets.filter((dataset) => !dataset.tasks.some((other) => confusable.has(other)) && !describedAs(catalog, dataset, confusable));
    const picked = pickDistractors(id, nameOf(catalog, answer.id), wrong.map((dataset) => ({ key: dataset.id, label: nameOf(catalog, dataset.id) })));
    if (!picked) continue;
    const chosen = byId(catalog, picked);
    const name = nameOf(catalog, answer.id);
    const others = othersAre(catalog, chosen, (dataset) => tasksOf(catalog, dataset));
    drafts.push({
      template: 'dataset-for-task',
      source: task.id,
      difficulty: 'medium',
      question: { ja: `「${task.name.ja}」のデータセットはどれ？`, en: `Which of these is a dataset for ${lowerFirst(task.name.en)}?` },
      answer: name,
      distractors: picked,
      explanation: {
        ja: `${name.ja}は「${tasksOf(catalog, answer).ja}」のデータセット。${others.ja}`,
        en: `${name.en} is a dataset for ${tasksOf(catalog, answer).en}. ${others.en}`,
      },
    });
  }
  return drafts;
}

/** "image classification" inside a sentence, but keep acronyms and names such as "3D objects" as written. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Which task dataset D is for; the answer is its first (main) task, and no task it is filed under is a wrong choice. */
function taskOfDataset(catalog: Catalog): FactDraft[] {
  const drafts: FactDraft[] = [];
  for (const dataset of catalog.datasets) {
    const main = dataset.tasks[0];
    if (!main) continue;
    const excluded = new Set(dataset.tasks.flatMap((task) => [...confusableTasks(catalog, task)]));
    const wrong = catalog.tasks.filter((task) => !excluded.has(task.id) && !describedAs(catalog, dataset, confusableTasks(catalog, task.id)));
    const id = factId('task-of-dataset', dataset.id);
    // Top-level tasks first, so the wrong choices are broad alternatives rather than three kinds of one thing.
    const picked = pickDistractors(id, nameOf(catalog, main), wrong.map((task) => ({ key: task.id, label: task.name, rank: task.parent ? 1 : 0 })));
    if (!picked) continue;
    const name = nameOf(catalog, dataset.id);
    const tasks = tasksOf(catalog, dataset);
    drafts.push({
      template: 'task-of-dataset',
      source: dataset.id,
      difficulty: 'easy',
      question: { ja: `データセット ${name.ja} が使われるタスクはどれ？`, en: `Which task is the ${name.en} dataset used for?` },
      answer: nameOf(catalog, main),
      distractors: picked,
      explanation: { ja: `${name.ja}のタスク: ${tasks.ja}。${dataset.remarks.ja}`, en: `${name.en} is filed under: ${tasks.en}. ${dataset.remarks.en}` },
    });
  }
  return drafts;
}

/** Every class count the catalog states for a dataset: the headline one and the per-task figures. */
function classCountsOf(dataset: DatasetEntry): number[] {
  return [...(dataset.classes !== undefined ? [dataset.classes] : []), ...dataset.figures.flatMap((figure) => (figure.classes !== undefined ? [figure.classes] : []))];
}

function classCounts(catalog: Catalog): FactDraft[] {
  const drafts: FactDraft[] = [];
  for (const dataset of catalog.datasets) {
    const count = dataset.classes;
    if (count === undefined) continue;
    // Two datasets with the same count would both be right.
    if (catalog.datasets.some((other) => other !== dataset && classCountsOf(other).includes(count))) continue;
    const written = [formatCount(count), String(count)];
    const wrong = catalog.datasets.filter(
      (other) =>
        other !== dataset &&
        classCountsOf(other).length > 0 &&
        !written.some((text) => mentions(other.size_note?.en ?? '', text) || mentions(other.size_note?.ja ?? '', text)),
    );
    const id = factId('classes', dataset.id);
    const picked = pickDistractors(id, nameOf(catalog, dataset.id), wrong.map((other) => ({ key: other.id, label: nameOf(catalog, other.id) })));
    if (!picked) continue;
    const chosen = byId(catalog, picked);
    const name = nameOf(catalog, dataset.id);
    const others = othersAre(catalog, chosen, (other) => {
      const counts = classCountsOf(other).map(formatCount).join('/');
      return { ja: `${counts}クラス`, en: `${counts} classes` };
    });
    const note = dataset.size_note;
    drafts.push({
      template: 'classes',
      source: dataset.id,
      // "UCF101" names its own class count.
      difficulty: dataset.name.includes(String(count)) ? 'easy' : 'hard',
      question: { ja: `${formatCount(count)}クラスのデータセットはどれ？`, en: `Which dataset has ${formatCount(count)} classes?` },
      answer: name,
      distractors: picked,
      explanation: {
        ja: `${name.ja}は${formatCount(count)}クラス。${note ? note.ja : ''}${others.ja}`,
        en: `${name.en} has ${formatCount(count)} classes. ${note ? `${note.en} ` : ''}${others.en}`,
      },
    });
  }
  return drafts;
}
