import type { Catalog } from '../../catalog/catalog.js';
import { LANGS } from '../../i18n/index.js';
import { DIFFICULTIES, type Bilingual, type Question } from '../question.js';
import { QUESTION_ID } from './schema.js';
import { foldText } from './text.js';

/**
 * The rules every question obeys, curated or generated. The loader runs them
 * on curated questions and `quiz bank --check` re-runs them on generated ones,
 * so a generator bug is caught by the same net as a typo in a YAML file.
 */

/** A problem inside one question; `path` is relative to the question (["choices", 2, "en"]). */
export interface QuestionProblem {
  path: readonly PropertyKey[];
  message: string;
}

export const CHOICE_COUNT = 4;

/** Everything except which choice is correct (curated files mark that with flags, checked apart). */
export function contentProblems(question: Question, catalog: Catalog): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (!QUESTION_ID.test(question.id)) problems.push({ path: ['id'], message: `id "${question.id}" must be lower-case words joined by dashes` });
  if (!(DIFFICULTIES as readonly string[]).includes(question.difficulty)) {
    problems.push({ path: ['difficulty'], message: `difficulty "${question.difficulty}" must be one of ${DIFFICULTIES.join(', ')}` });
  }
  if (!catalog.get(question.source)) {
    const hits = catalog.search.suggest(question.source, { limit: 3 });
    // A name written where the id belongs ("X3D") matches exactly: then that id is the whole answer.
    const best = hits[0]?.how === 'exact' ? hits.slice(0, 1) : hits;
    const guesses = [...new Set(best.map((hit) => `"${hit.id}"`))];
    const hint = guesses.length > 0 ? ` (did you mean ${guesses.join(' or ')}?)` : '';
    problems.push({ path: ['source'], message: `source "${question.source}" does not match any catalog entry's id${hint}` });
  }
  problems.push(...textProblems(['question'], question.question));
  problems.push(...textProblems(['explanation'], question.explanation));
  question.choices.forEach((choice, index) => problems.push(...textProblems(['choices', index], choice)));
  if (question.choices.length !== CHOICE_COUNT) {
    problems.push({ path: ['choices'], message: `has ${question.choices.length} choice${question.choices.length === 1 ? '' : 's'}; a question needs exactly ${CHOICE_COUNT}` });
  }
  problems.push(...repeatedChoices(question.choices));
  return problems;
}

/** The stored index of the right answer points at one of the choices. */
export function answerProblems(question: Question): QuestionProblem[] {
  const { correct, choices } = question;
  if (Number.isInteger(correct) && correct >= 0 && correct < choices.length) return [];
  return [{ path: ['choices'], message: `the correct choice (index ${correct}) is not one of the ${choices.length} choices` }];
}

/** Curated files mark the right answer with `correct: true`: exactly one must carry it. */
export function correctFlagProblems(flags: readonly (boolean | undefined)[]): QuestionProblem[] {
  const marked = flags.flatMap((flag, index) => (flag ? [index] : []));
  if (marked.length === 1) return [];
  if (marked.length === 0) return [{ path: ['choices'], message: 'no choice is marked correct: true; exactly one must be' }];
  const numbers = marked.map((index) => index + 1).join(', ');
  return [{ path: ['choices', marked[1] ?? 0], message: `${marked.length} choices are marked correct: true (choices ${numbers}); exactly one must be` }];
}

function textProblems(path: readonly PropertyKey[], text: Bilingual): QuestionProblem[] {
  return LANGS.flatMap((lang) => {
    const value: unknown = (text as Partial<Bilingual> | undefined)?.[lang];
    if (typeof value === 'string' && value.trim() !== '') return [];
    return [{ path: [...path, lang], message: `${[...path, lang].join('.')}: ${value === undefined ? 'missing' : 'is empty'}: every text needs both ja and en` }];
  });
}

/** Two choices that read the same in one language (case, width and spacing aside). */
function repeatedChoices(choices: readonly Bilingual[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  for (const lang of LANGS) {
    const seen = new Map<string, number>();
    choices.forEach((choice, index) => {
      const text = choice[lang];
      if (typeof text !== 'string' || text.trim() === '') return;
      const first = seen.get(foldText(text));
      if (first === undefined) seen.set(foldText(text), index);
      else problems.push({ path: ['choices', index, lang], message: `choice ${index + 1} repeats choice ${first + 1} in ${lang}: "${text.trim()}"; choices must be distinct` });
    });
  }
  return problems;
}

/** A problem found by comparing questions, located at `question` (the later one). */
export interface BankProblem {
  question: Question;
  problem: QuestionProblem;
}

/**
 * Rules across the whole bank: ids are unique, and no question is asked twice
 * (the same text, folded, in either language). `where` names the first
 * occurrence so the message points at both places.
 */
export function crossProblems(questions: readonly Question[], where: (question: Question, path: readonly PropertyKey[]) => string): BankProblem[] {
  const problems: BankProblem[] = [];
  const byId = new Map<string, Question>();
  const byText = new Map<string, Question>();
  for (const question of questions) {
    const first = byId.get(question.id);
    if (first) {
      problems.push({ question, problem: { path: ['id'], message: `id "${question.id}" is already used at ${where(first, ['id'])}` } });
      continue;
    }
    byId.set(question.id, question);
    for (const lang of LANGS) {
      const key = `${lang}\u0000${foldText(question.question[lang])}`;
      const same = byText.get(key);
      if (same) {
        const message = `the same question (${lang}) as "${same.id}" at ${where(same, ['question'])}; each question must be asked once`;
        problems.push({ question, problem: { path: ['question'], message } });
        break;
      }
      byText.set(key, question);
    }
  }
  return problems;
}
