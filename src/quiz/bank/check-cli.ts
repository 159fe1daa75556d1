import { loadCatalog } from '../../catalog/load.js';
import { LANGS } from '../../i18n/index.js';
import { DIFFICULTIES, type Question } from '../question.js';
import { BUTTON_LABEL_MAX, choicesFitButtons } from './buttons.js';
import { FACT_TEMPLATES, templateOf } from './facts/index.js';
import { inspectQuestionBank, type BankInspection } from './load.js';

/**
 * `yomikai quiz bank --check` and `--json`: the body of the one-shot command,
 * kept out of src/cli.ts. Returns the exit code: 0 when the bank is sound,
 * 1 when any problem was found (each printed on stderr as "file:line: …").
 */

export interface QuizBankCommand {
  mode: 'check' | 'json';
  quizDir: string;
  catalogDir: string;
}

export function runQuizBankCommand(command: QuizBankCommand, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const catalog = loadCatalog(command.catalogDir);
  const inspection = inspectQuestionBank(command.quizDir, catalog);
  const questions = [...inspection.curated, ...inspection.generated];
  if (command.mode === 'json') {
    if (inspection.problems.length > 0) return reportProblems(inspection.problems, err);
    out.write(`${JSON.stringify({ questions }, null, 2)}\n`);
    return 0;
  }
  out.write(summary(inspection, questions));
  // The bot runs on fact questions alone, but a shipped bank without curated ones is a mistake worth failing on.
  const problems = inspection.curated.length === 0 && inspection.files.length === 0 ? [noCuratedQuestions(inspection), ...inspection.problems] : inspection.problems;
  if (problems.length > 0) return reportProblems(problems, err);
  out.write('No problems.\n');
  return 0;
}

function noCuratedQuestions(inspection: BankInspection): string {
  const why = inspection.folder.exists ? 'has no .yaml files' : 'does not exist (set YOMIKAI_QUIZ_DIR or --dir to the folder of quiz .yaml files)';
  return `${inspection.folder.path}: ${why}; the bank has no curated questions, only the ${inspection.generated.length} generated from the catalog`;
}

function reportProblems(problems: readonly string[], err: NodeJS.WritableStream): number {
  err.write(`${problems.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the quiz bank.\n`);
  return 1;
}

function summary(inspection: BankInspection, questions: readonly Question[]): string {
  const lines = [
    `Quiz bank: ${questions.length} valid question${questions.length === 1 ? '' : 's'} (${inspection.folder.path})`,
    `  by kind: concept ${inspection.curated.length}, fact ${inspection.generated.length}`,
    `  by difficulty: ${byDifficulty(questions)}`,
    `    concept: ${byDifficulty(inspection.curated)}`,
    `    fact: ${byDifficulty(inspection.generated)}`,
    `  fact questions by template: ${FACT_TEMPLATES.map((template) => `${template} ${inspection.generated.filter((q) => templateOf(q.id) === template).length}`).join(', ')}`,
    `  curated questions by file:${inspection.files.length === 0 ? ' none' : ''}`,
    ...inspection.files.map(({ file, questions: count }) => `    ${file}: ${count}`),
    `  questions with a choice longer than ${BUTTON_LABEL_MAX} UTF-16 units (shown with A–D buttons): ${LANGS.map((lang) => `${lang} ${questions.filter((q) => !choicesFitButtons(q, lang)).length}`).join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

function byDifficulty(questions: readonly Question[]): string {
  return DIFFICULTIES.map((difficulty) => `${difficulty} ${questions.filter((q) => q.difficulty === difficulty).length}`).join(', ');
}
