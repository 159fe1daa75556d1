import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/catalog/catalog.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import type { DatasetEntry, ModelEntry } from '../../../src/catalog/schema.js';
import type { Bilingual, Question } from '../../../src/quiz/question.js';
import { answerProblems, contentProblems } from '../../../src/quiz/bank/checks.js';
import { FACT_TEMPLATES, generateFactQuestions, templateOf } from '../../../src/quiz/bank/facts/index.js';
import { pickDistractors } from '../../../src/quiz/bank/facts/pick.js';

const DIR = 'data/catalog';
const catalog = loadCatalog(DIR);
const questions = generateFactQuestions(catalog);

/** The same folding the bank uses, written out again so the test does not trust the code under test. */
const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const wrongChoices = (q: Question) => q.choices.filter((_, index) => index !== q.correct);
const right = (q: Question) => q.choices[q.correct]!;

function withData(edit: (data: { models: ModelEntry[]; datasets: DatasetEntry[] }) => void): Catalog {
  const data = {
    topics: [...catalog.topics],
    tasks: [...catalog.tasks],
    models: catalog.models.map((entry) => structuredClone(entry)),
    datasets: catalog.datasets.map((entry) => structuredClone(entry)),
    concepts: [...catalog.concepts],
  };
  edit(data);
  return new Catalog(data);
}

describe('fact questions from the real catalog', () => {
  it('number at least 100, from every template', () => {
    expect(questions.length).toBeGreaterThanOrEqual(100);
    for (const template of FACT_TEMPLATES) expect(questions.some((q) => templateOf(q.id) === template), template).toBe(true);
  });

  it('each have 4 distinct choices in both languages, exactly one correct, and both languages everywhere', () => {
    for (const q of questions) {
      expect(q.kind).toBe('fact');
      expect(q.choices, q.id).toHaveLength(4);
      expect(Number.isInteger(q.correct) && q.correct >= 0 && q.correct < 4, q.id).toBe(true);
      for (const lang of ['ja', 'en'] as const) {
        expect(new Set(q.choices.map((choice) => fold(choice[lang]))).size, `${q.id} ${lang}`).toBe(4);
        for (const text of [q.question, q.explanation, ...q.choices]) expect(text[lang].trim(), `${q.id} ${lang}`).not.toBe('');
      }
      expect(contentProblems(q, catalog), q.id).toEqual([]);
      expect(answerProblems(q), q.id).toEqual([]);
    }
  });

  it('have ids "fact-<template>-<source>", unique, about an existing entry, never asked twice', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const lang of ['ja', 'en'] as const) expect(new Set(questions.map((q) => fold(q.question[lang]))).size).toBe(questions.length);
    for (const q of questions) {
      expect(catalog.get(q.source), q.id).toBeDefined();
      expect(q.id).toBe(`fact-${templateOf(q.id)}-${q.source}`);
    }
  });

  it('explain the right answer: the explanation contains it in each language', () => {
    for (const q of questions) {
      for (const lang of ['ja', 'en'] as const) expect(fold(q.explanation[lang]), `${q.id} ${lang}`).toContain(fold(right(q)[lang]));
    }
  });

  it('are the same, with the same ids, every time the catalog is loaded', () => {
    expect(generateFactQuestions(loadCatalog(DIR))).toEqual(questions);
  });

  it('do not always put the right answer in the same place', () => {
    const places = new Set(questions.map((q) => q.correct));
    expect(places).toEqual(new Set([0, 1, 2, 3]));
  });
});

/**
 * The property that matters most: no wrong choice also answers the question.
 * Each template is checked against the catalog directly, with its own reading
 * of the facts rather than the generator's helpers.
 */
describe('no wrong choice also answers', () => {
  const ofTemplate = (template: string) => questions.filter((q) => templateOf(q.id) === template);
  const paperBacked = [...catalog.models, ...catalog.datasets].filter((entry) => entry.paper?.title);
  const namesOf = (entry: ModelEntry | DatasetEntry) => new Set([entry.name, entry.name_ja ?? '', ...entry.aliases].filter(Boolean).map(fold));
  const rootOf = (task: string): string => {
    const parent = catalog.task(task)?.parent;
    return parent ? rootOf(parent) : task;
  };
  const entryOf = (q: Question) => {
    const found = catalog.get(q.source);
    if (!found || found.kind === 'topic' || found.kind === 'task' || found.kind === 'concept') throw new Error(`${q.id}: not a model or dataset`);
    return found;
  };

  it('paper: the title is the entry’s, and no wrong title belongs to it or to an entry of the same name', () => {
    for (const q of ofTemplate('paper')) {
      const { entry } = entryOf(q);
      expect(right(q).en, q.id).toBe(entry.paper?.title);
      for (const wrong of wrongChoices(q)) {
        expect(fold(wrong.en), q.id).not.toBe(fold(entry.paper!.title!));
        const owners = paperBacked.filter((other) => other.paper?.title === wrong.en);
        expect(owners.length, q.id).toBeGreaterThan(0);
        for (const owner of owners) {
          expect(owner.id, q.id).not.toBe(entry.id);
          expect([...namesOf(owner)].some((name) => namesOf(entry).has(name)), `${q.id}: ${owner.id}`).toBe(false);
        }
      }
    }
  });

  it('model-of-paper: no wrong model was introduced by the same title', () => {
    for (const q of ofTemplate('model-of-paper')) {
      const { entry } = entryOf(q);
      expect(right(q).en, q.id).toBe(catalog.displayName(entry.id, 'en'));
      for (const wrong of wrongChoices(q)) {
        const model = catalog.models.find((m) => catalog.displayName(m.id, 'en') === wrong.en);
        expect(model, `${q.id}: ${wrong.en}`).toBeDefined();
        expect(fold(model!.paper.title ?? ''), q.id).not.toBe(fold(entry.paper!.title!));
      }
    }
  });

  it('section: no wrong section holds the entry, lists it, or names it in its overview', () => {
    for (const q of ofTemplate('section')) {
      const found = catalog.get(q.source)!;
      if (found.kind === 'topic' || found.kind === 'task') throw new Error(q.id);
      const entry = found.entry;
      expect(right(q).en, q.id).toBe(catalog.topic(entry.topic)!.name.en);
      for (const wrong of wrongChoices(q)) {
        const topic = catalog.topics.find((t) => t.name.en === wrong.en && t.name.ja === wrong.ja);
        expect(topic, `${q.id}: ${wrong.en}`).toBeDefined();
        expect(topic!.id, q.id).not.toBe(entry.topic);
        expect(topic!.related, q.id).not.toContain(entry.id);
        const word = new RegExp(`(^|[^a-z0-9])${entry.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?([^a-z0-9]|$)`);
        expect(word.test(topic!.overview.en.toLowerCase()), `${q.id}: ${topic!.id} overview names ${entry.name}`).toBe(false);
        if (found.kind === 'dataset') expect(topic!.id, q.id).not.toBe('datasets');
      }
    }
  });

  it('dataset-for-task: the answer is filed under the task; no wrong dataset is filed under its branch', () => {
    for (const q of ofTemplate('dataset-for-task')) {
      const task = q.source;
      const byName = (choice: Bilingual) => catalog.datasets.find((d) => catalog.displayName(d.id, 'en') === choice.en)!;
      expect(byName(right(q)).tasks, q.id).toContain(task);
      for (const wrong of wrongChoices(q)) {
        expect(byName(wrong).tasks.map(rootOf), `${q.id}: ${wrong.en}`).not.toContain(rootOf(task));
      }
    }
  });

  it('task-of-dataset: the answer is one of the dataset’s tasks; no wrong task shares a branch with any of them', () => {
    for (const q of ofTemplate('task-of-dataset')) {
      const { entry } = entryOf(q);
      if (!('tasks' in entry)) throw new Error(q.id);
      const taskOf = (choice: Bilingual) => catalog.tasks.find((t) => t.name.en === choice.en)!;
      expect(entry.tasks, q.id).toContain(taskOf(right(q)).id);
      for (const wrong of wrongChoices(q)) {
        expect(entry.tasks.map(rootOf), `${q.id}: ${wrong.en}`).not.toContain(rootOf(taskOf(wrong).id));
      }
    }
  });

  it('classes: every wrong dataset has a known class count, and none of its counts is N', () => {
    for (const q of ofTemplate('classes')) {
      const { entry } = entryOf(q);
      if (!('tasks' in entry) || entry.classes === undefined) throw new Error(q.id);
      const count = entry.classes;
      expect(q.question.en, q.id).toContain(count.toLocaleString('en-US'));
      for (const wrong of wrongChoices(q)) {
        const other = catalog.datasets.find((d) => catalog.displayName(d.id, 'en') === wrong.en)!;
        const counts = [other.classes, ...other.figures.map((figure) => figure.classes)].filter((n) => n !== undefined);
        expect(counts.length, `${q.id}: ${other.id} has no known count`).toBeGreaterThan(0);
        expect(counts, `${q.id}: ${other.id}`).not.toContain(count);
      }
    }
  });

  it('year: no wrong year is the publication, release or arXiv year, or later than any year in the catalog', () => {
    const newest = Math.max(...paperBacked.flatMap((e) => [e.paper?.year ?? 0, 'year' in e ? (e.year ?? 0) : 0]));
    for (const q of ofTemplate('year')) {
      const { kind, entry } = entryOf(q);
      const year = kind === 'dataset' && 'year' in entry ? entry.year : entry.paper?.year;
      expect(right(q).en, q.id).toBe(String(year));
      const arxiv = entry.paper?.arxiv ? 2000 + Number(entry.paper.arxiv.slice(0, 2)) : undefined;
      for (const wrong of wrongChoices(q)) {
        const y = Number(wrong.en);
        expect(wrong.ja, q.id).toBe(`${y}年`);
        expect([year, entry.paper?.year, arxiv], `${q.id}: ${y}`).not.toContain(y);
        expect(y, q.id).toBeLessThanOrEqual(newest);
      }
    }
  });

  it('venue: the venue is the paper’s; no wrong venue is the same or a preprint', () => {
    for (const q of ofTemplate('venue')) {
      const { entry } = entryOf(q);
      expect(right(q).en, q.id).toBe(entry.paper?.venue);
      for (const wrong of wrongChoices(q)) {
        expect(fold(wrong.en), q.id).not.toBe(fold(entry.paper!.venue!));
        expect(wrong.en, q.id).not.toMatch(/^arxiv/i);
      }
    }
  });
});

describe('facts the catalog leaves empty or ambiguous', () => {
  it('yield no question: no year or venue question without a year or venue', () => {
    const edited = withData(({ models }) => {
      const x3d = models.find((m) => m.id === 'x3d')!;
      delete x3d.paper.year;
      delete x3d.paper.venue;
    });
    const ids = new Set(generateFactQuestions(edited).map((q) => q.id));
    expect(ids.has('fact-year-x3d')).toBe(false);
    expect(ids.has('fact-venue-x3d')).toBe(false);
    expect(ids.has('fact-paper-x3d')).toBe(true);
    expect(ids.has('fact-section-x3d')).toBe(true);
  });

  it('skip a class count two datasets share, and never offer a dataset of unknown size as a wrong one', () => {
    const edited = withData(({ datasets }) => {
      datasets.find((d) => d.id === 'mscoco')!.classes = 150; // ADE20K has 150 too
      delete datasets.find((d) => d.id === 'cityscapes')!.classes;
    });
    const generated = generateFactQuestions(edited);
    const ids = new Set(generated.map((q) => q.id));
    expect(ids.has('fact-classes-mscoco')).toBe(false);
    expect(ids.has('fact-classes-ade20k')).toBe(false);
    expect(ids.has('fact-classes-cityscapes')).toBe(false);
    const offered = generated.filter((q) => templateOf(q.id) === 'classes').flatMap((q) => q.choices.map((c) => c.en));
    expect(offered).not.toContain('Cityscapes');
    expect(generated.filter((q) => templateOf(q.id) === 'classes').length).toBeGreaterThan(0);
  });

  it('skip "which model did this paper introduce" when two models share the paper', () => {
    const edited = withData(({ models }) => {
      models.find((m) => m.id === 'p3d')!.paper.title = models.find((m) => m.id === 'c3d')!.paper.title;
    });
    const generated = generateFactQuestions(edited);
    const ids = new Set(generated.map((q) => q.id));
    expect(ids.has('fact-model-of-paper-c3d')).toBe(false);
    expect(ids.has('fact-model-of-paper-p3d')).toBe(false);
    const c3dPaper = generated.find((q) => q.id === 'fact-paper-c3d')!;
    expect(wrongChoices(c3dPaper).map((c) => c.en)).not.toContain(right(c3dPaper).en);
  });
});

describe('pickDistractors', () => {
  const answer = { ja: '正解', en: 'Right' };
  const candidates = ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ({ key, label: { ja: key, en: key.toUpperCase() } }));

  it('does not depend on the order candidates come in', () => {
    const picked = pickDistractors('fact-x-y', answer, candidates)!.map((c) => c.key);
    expect(pickDistractors('fact-x-y', answer, [...candidates].reverse())!.map((c) => c.key)).toEqual(picked);
    expect(picked).toHaveLength(3);
  });

  it('skips candidates that read like the answer or like each other, and gives up below three', () => {
    const lookalikes = [
      { key: '1', label: { ja: '正解', en: 'something else' } },
      { key: '2', label: { ja: 'x', en: ' RIGHT ' } },
      { key: '3', label: { ja: 'ｙ', en: 'y' } },
      { key: '4', label: { ja: 'y', en: 'Y' } },
      { key: '5', label: { ja: 'z', en: 'z' } },
    ];
    expect(pickDistractors('q', answer, lookalikes)).toBeUndefined();
    const picked = pickDistractors('q', answer, [...lookalikes, { key: '6', label: { ja: 'w', en: 'w' } }])!;
    // "ｙ"/"y" and "y"/"Y" read the same: only one of 3 and 4 may be taken.
    const keys = picked.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['5', '6']));
    expect(keys.filter((key) => key === '3' || key === '4')).toHaveLength(1);
  });

  it('prefers the lower rank', () => {
    const ranked = candidates.map((c, index) => ({ ...c, rank: index < 3 ? 1 : 0 }));
    expect(pickDistractors('any', answer, ranked)!.map((c) => c.key).sort()).toEqual(['d', 'e', 'f']);
  });
});
