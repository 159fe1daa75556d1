import { lineOf } from './lines.js';

/**
 * Every problem seeded in test/fixtures/quiz/bad, in reading order, with the
 * line each one must be reported at. Shared by the loader test and the CLI test.
 */
const A = 'test/fixtures/quiz/bad/a-seeded.yaml';
const B = 'test/fixtures/quiz/bad/b-repeats.yaml';

export const BAD_DIR = 'test/fixtures/quiz/bad';

export function expectedBadProblems(): string[] {
  return [
    `${A}:${lineOf(A, '{ ja: "VGG", en: "VGG", correct: true }')}: two-correct: 2 choices are marked correct: true (choices 1, 2); exactly one must be`,
    `${A}:${lineOf(A, 'question: { ja: "X3D は何を探索した？" }')}: missing-english: question.en: missing: every text needs both ja and en`,
    `${A}:${lineOf(A, 'source: i4d')}: unknown-source: source "i4d" does not match any catalog entry's id`,
    `${A}:${lineOf(A, 'choices:', '- id: three-choices')}: three-choices: has 3 choices; a question needs exactly 4`,
    `${A}:${lineOf(A, '{ ja: "５", en: "five" }')}: same-choices: choice 3 repeats choice 2 in en: "five"; choices must be distinct`,
    `${A}:${lineOf(A, '{ ja: "５", en: "five" }')}: same-choices: choice 3 repeats choice 2 in ja: "５"; choices must be distinct`,
    `${B}:${lineOf(B, '- id: valid-first')}: valid-first: id "valid-first" is already used at ${A}:${lineOf(A, '- id: valid-first')}`,
    `${B}:${lineOf(B, 'question:', '- id: same-question-text')}: same-question-text: the same question (en) as "valid-second" at ${A}:${lineOf(A, 'question:', '- id: valid-second')}; each question must be asked once`,
    `${B}:${lineOf(B, 'hint:')}: unknown-field: unknown field hint`,
    `${B}:${lineOf(B, 'difficulty: extreme')}: bad-difficulty: difficulty: must be one of easy, medium, hard`,
    `${B}:${lineOf(B, 'explanation: { ja: ""')}: empty-explanation: explanation.ja: is empty: every text needs both ja and en`,
  ];
}
