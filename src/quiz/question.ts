/**
 * One quiz question, curated (data/quiz/*.yaml) or generated from the
 * catalog. Choices are kept in their stored order; a round shows them in its
 * own shuffled order and answers always record the stored index, so a
 * reshuffle or a restart can never turn a right answer into a wrong one.
 */
export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** concept: written by hand from the survey; fact: generated from the catalog's verified facts. */
export type QuestionKind = 'concept' | 'fact';

export interface Bilingual {
  ja: string;
  en: string;
}

export interface Question {
  /** Stable across restarts and catalog edits: the curated id, or "fact-<template>-<entry>". */
  id: string;
  kind: QuestionKind;
  /** The catalog entry the question is about (where "more detail" links to). */
  source: string;
  difficulty: Difficulty;
  question: Bilingual;
  /** Exactly four. */
  choices: readonly Bilingual[];
  /** Index into `choices` of the one correct choice. */
  correct: number;
  explanation: Bilingual;
  /** Where a curated question was written, for file:line reports. */
  origin?: { file: string; line: number };
}

export interface QuestionBank {
  readonly questions: readonly Question[];
  get(id: string): Question | undefined;
}
