import type { Catalog } from '../../catalog/catalog.js';
import type { Question } from '../question.js';
import { contentProblems, correctFlagProblems, type QuestionProblem } from './checks.js';
import { curatedQuestionSchema, quizFileSchema, type CuratedQuestion } from './schema.js';
import { displayPath, lineAt, locate, readYamlFile, type YamlFile } from './yaml-file.js';

/** A question and a way to turn a path inside it into "file:line". */
export interface LocatedQuestion {
  question: Question;
  where(path: readonly PropertyKey[]): string;
  /** False when the question has a problem of its own; it still takes part in the duplicate checks. */
  valid: boolean;
}

export interface QuizFileResult {
  file: string;
  /** Every question that matched the schema, valid or not. */
  questions: LocatedQuestion[];
  /** Each as "data/quiz/FILE.yaml:LINE: what is wrong". */
  problems: string[];
}

/** Generated fact questions own the "fact-" prefix, so a curated id can never collide with a future one. */
const RESERVED_PREFIX = 'fact-';

/**
 * Reads one data/quiz/*.yaml file. Every question is checked on its own and
 * every problem is reported, located at the line of the offending value.
 */
export function readQuizFile(path: string, catalog: Catalog): QuizFileResult {
  const result: QuizFileResult = { file: displayPath(path), questions: [], problems: [] };
  const read = readYamlFile(path);
  if (!read.file) return { ...result, problems: read.problems };
  const file = read.file;
  const parsed = quizFileSchema.safeParse(file.doc.toJS() ?? {});
  if (!parsed.success) {
    result.problems.push(...parsed.error.issues.map((issue) => `${locate(file, issueLocation(issue))}: ${describeIssue(issue)}`));
    return result;
  }
  parsed.data.questions.forEach((item, index) => {
    const at = (inner: readonly PropertyKey[]) => locate(file, ['questions', index, ...inner]);
    const label = labelOf(item, index);
    const checked = curatedQuestionSchema.safeParse(item);
    if (!checked.success) {
      result.problems.push(...checked.error.issues.map((issue) => `${at(issueLocation(issue))}: ${label}: ${describeIssue(issue)}`));
      return;
    }
    const question = toQuestion(checked.data, file, index);
    const problems: QuestionProblem[] = [
      ...(question.id.startsWith(RESERVED_PREFIX) ? [{ path: ['id'], message: `ids starting with "${RESERVED_PREFIX}" are kept for generated questions` }] : []),
      ...correctFlagProblems(checked.data.choices.map((choice) => choice.correct)),
      ...contentProblems(question, catalog),
    ];
    result.questions.push({ question, where: at, valid: problems.length === 0 });
    result.problems.push(...problems.map((problem) => `${at(problem.path)}: ${label}: ${problem.message}`));
  });
  return result;
}

function toQuestion(data: CuratedQuestion, file: YamlFile, index: number): Question {
  return {
    id: data.id,
    kind: 'concept',
    source: data.source,
    difficulty: data.difficulty,
    question: data.question,
    choices: data.choices.map(({ ja, en }) => ({ ja, en })),
    correct: data.choices.findIndex((choice) => choice.correct === true),
    explanation: data.explanation,
    origin: { file: displayPath(file.path), line: lineAt(file, ['questions', index]) },
  };
}

/** The question's id when it has one, so a message names the question, not just its position. */
function labelOf(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : `question ${index + 1}`;
}

/** An unknown field is reported at its own line rather than at the start of the object holding it. */
function issueLocation(issue: { path: readonly PropertyKey[]; code: string; keys?: string[] }): readonly PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string; code: string; keys?: string[] }): string {
  const where = issue.path.map(String).join('.');
  const what = issue.code === 'unrecognized_keys' && issue.keys ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message;
  return where ? `${where}: ${what}` : what;
}
