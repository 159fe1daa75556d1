import type { Bilingual, Difficulty, Question } from '../../question.js';
import { foldText } from '../text.js';

/**
 * Deterministic choices for generated questions. Every "random" decision is a
 * hash of the question id (plus the candidate's key), so the same catalog
 * always yields the same bank, and adding one catalog entry only changes the
 * questions where the new entry now ranks among the picks (rendezvous hashing)
 * instead of reshuffling everything.
 */

/** FNV-1a, 32 bits: small, fast and stable across platforms and Node versions. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface Candidate {
  /** Stable identity (a catalog id, a year), used for the seeded order. */
  key: string;
  label: Bilingual;
  /** Lower comes first: e.g. 0 for the same section, 1 for the rest. Ties are broken by the seeded hash. */
  rank?: number;
}

/**
 * Three distractors from `candidates` (already filtered so that none of them
 * also answers), in seeded order, skipping any that would read the same as the
 * answer or as one already taken. `undefined` when fewer than three remain —
 * the caller then skips the question rather than pad it with a weak one.
 */
export function pickDistractors<C extends Candidate>(questionId: string, answer: Bilingual, candidates: readonly C[]): C[] | undefined {
  const seeded = candidates.map((candidate) => ({ candidate, hash: hash32(`${questionId}|${candidate.key}`) }));
  seeded.sort((a, b) => (a.candidate.rank ?? 0) - (b.candidate.rank ?? 0) || a.hash - b.hash || (a.candidate.key < b.candidate.key ? -1 : 1));
  const ordered = seeded.map(({ candidate }) => candidate);
  const taken: C[] = [];
  const seen = { ja: new Set([foldText(answer.ja)]), en: new Set([foldText(answer.en)]) };
  for (const candidate of ordered) {
    const ja = foldText(candidate.label.ja);
    const en = foldText(candidate.label.en);
    if (seen.ja.has(ja) || seen.en.has(en)) continue;
    seen.ja.add(ja);
    seen.en.add(en);
    taken.push(candidate);
    if (taken.length === 3) return taken;
  }
  return undefined;
}

/** One of `items`, chosen by the seed. */
export function pickOne<T>(seed: string, items: readonly T[], key: (item: T) => string): T | undefined {
  return [...items].sort((a, b) => hash32(`${seed}|${key(a)}`) - hash32(`${seed}|${key(b)}`) || (key(a) < key(b) ? -1 : 1))[0];
}

export interface FactDraft {
  template: string;
  /** The catalog entry the question is about; the id is "fact-<template>-<source>". */
  source: string;
  difficulty: Difficulty;
  question: Bilingual;
  answer: Bilingual;
  distractors: readonly Candidate[];
  explanation: Bilingual;
}

export function factId(template: string, source: string): string {
  return `fact-${template}-${source}`;
}

/**
 * The finished question. The answer sits at a seeded position, so a renderer
 * that forgot to shuffle would still not always show the right answer first.
 */
export function toFactQuestion(draft: FactDraft): Question {
  const id = factId(draft.template, draft.source);
  const correct = hash32(id) % (draft.distractors.length + 1);
  const choices = draft.distractors.map((distractor) => distractor.label);
  choices.splice(correct, 0, draft.answer);
  return { id, kind: 'fact', source: draft.source, difficulty: draft.difficulty, question: draft.question, choices, correct, explanation: draft.explanation };
}
