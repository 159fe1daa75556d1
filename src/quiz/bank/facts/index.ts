import type { Catalog } from '../../../catalog/catalog.js';
import type { Question } from '../../question.js';
import { LANGS } from '../../../i18n/index.js';
import { foldText } from '../text.js';
import { datasetQuestions } from './datasets.js';
import { dateQuestions } from './dates.js';
import { paperQuestions } from './papers.js';
import { sectionQuestions } from './sections.js';
import { toFactQuestion } from './pick.js';

/** The fact templates, in the order their questions appear in the bank. */
export const FACT_TEMPLATES = ['paper', 'model-of-paper', 'section', 'dataset-for-task', 'task-of-dataset', 'classes', 'year', 'venue'] as const;
export type FactTemplate = (typeof FACT_TEMPLATES)[number];

/**
 * Every question the catalog's verified facts support, generated the same way
 * every time: ids are "fact-<template>-<entry>" and every pick is seeded by
 * the id. A fact left empty in the catalog yields no question, and a question
 * without three wrong choices that are wrong beyond doubt is skipped.
 */
export function generateFactQuestions(catalog: Catalog): Question[] {
  const drafts = [...paperQuestions(catalog), ...sectionQuestions(catalog), ...datasetQuestions(catalog), ...dateQuestions(catalog)];
  const questions: Question[] = [];
  const asked = new Set<string>();
  for (const draft of drafts) {
    const question = toFactQuestion(draft);
    // Two entries with the same display name would produce the same question text; keep the first only.
    const texts = LANGS.map((lang) => `${lang}\u0000${foldText(question.question[lang])}`);
    if (texts.some((text) => asked.has(text))) continue;
    texts.forEach((text) => asked.add(text));
    questions.push(question);
  }
  return questions;
}

/** "fact-model-of-paper-x3d" → "model-of-paper"; undefined for a curated id. */
export function templateOf(id: string): FactTemplate | undefined {
  return FACT_TEMPLATES.filter((template) => id.startsWith(`fact-${template}-`)).sort((a, b) => b.length - a.length)[0];
}
