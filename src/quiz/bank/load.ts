import { join } from 'node:path';
import type { Catalog } from '../../catalog/catalog.js';
import type { Question, QuestionBank } from '../question.js';
import { createQuestionBank } from './bank.js';
import { answerProblems, contentProblems, crossProblems } from './checks.js';
import { readQuizFile, type LocatedQuestion } from './curated.js';
import { generateFactQuestions } from './facts/index.js';
import { displayPath, listYamlFiles } from './yaml-file.js';

/** Every problem found, each as "data/quiz/FILE.yaml:LINE: what is wrong". */
export class QuizBankError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The quiz bank has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
    this.name = 'QuizBankError';
  }
}

/** What a full look at the bank found: the valid questions, where they came from, and every problem. */
export interface BankInspection {
  /** The quiz folder as shown in messages, and whether it exists. */
  folder: { path: string; exists: boolean };
  /** Each curated file with the number of valid questions it holds. */
  files: { file: string; questions: number }[];
  curated: Question[];
  generated: Question[];
  problems: string[];
}

/**
 * Reads every data/quiz/*.yaml file, generates the fact questions from the
 * catalog, and checks all of them by the same rules plus the bank-wide ones
 * (unique ids, no question asked twice). A missing or empty folder is not a
 * problem here: the bank then holds only fact questions (the check command
 * reports it).
 */
export function inspectQuestionBank(dir: string, catalog: Catalog): BankInspection {
  const names = listYamlFiles(dir);
  const located = new Map<Question, LocatedQuestion['where']>();
  const problems: string[] = [];
  const fileNames: string[] = [];
  const curated: Question[] = [];
  const rejected = new Set<Question>();
  for (const name of names ?? []) {
    const result = readQuizFile(join(dir, name), catalog);
    problems.push(...result.problems);
    fileNames.push(result.file);
    for (const { question, where, valid } of result.questions) {
      curated.push(question);
      located.set(question, where);
      if (!valid) rejected.add(question);
    }
  }
  const generated: Question[] = [];
  for (const question of generateFactQuestions(catalog)) {
    const found = [...contentProblems(question, catalog), ...answerProblems(question)];
    if (found.length === 0) generated.push(question);
    else problems.push(...found.map((problem) => `generated question ${question.id}: ${problem.message}`));
  }
  const where = (question: Question, path: readonly PropertyKey[]) => located.get(question)?.(path) ?? `generated question ${question.id}`;
  // Generated questions go first, so a curated question that repeats one is the one reported, at its file:line.
  const duplicates = crossProblems([...generated, ...curated], where);
  for (const { question, problem } of duplicates) {
    problems.push(`${where(question, problem.path)}: ${question.origin ? `${question.id}: ` : ''}${problem.message}`);
    rejected.add(question);
  }
  const valid = curated.filter((question) => !rejected.has(question));
  return {
    folder: { path: displayPath(dir), exists: names !== undefined },
    files: fileNames.map((file) => ({ file, questions: valid.filter((question) => question.origin?.file === file).length })),
    curated: valid,
    generated: generated.filter((question) => !rejected.has(question)),
    problems: problems.sort(byFileAndLine),
  };
}

/** Problems in reading order: by file, then by line; those without a file:line (generated questions) last. */
function byFileAndLine(a: string, b: string): number {
  const place = (text: string) => /^(.+?):(\d+): /.exec(text);
  const pa = place(a);
  const pb = place(b);
  if (!pa || !pb) return (pa ? 0 : 1) - (pb ? 0 : 1);
  return pa[1]!.localeCompare(pb[1]!) || Number(pa[2]) - Number(pb[2]);
}

/**
 * The bank the bot runs on: curated questions from `dir` followed by the fact
 * questions generated from `catalog`. Either every question is valid or a
 * QuizBankError lists every problem — nothing is half-loaded.
 */
export function loadQuestionBank(dir: string, catalog: Catalog): QuestionBank {
  const inspection = inspectQuestionBank(dir, catalog);
  if (inspection.problems.length > 0) throw new QuizBankError(inspection.problems);
  return createQuestionBank([...inspection.curated, ...inspection.generated]);
}
