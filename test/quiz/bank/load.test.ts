import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load.js';
import { loadConfig, PACKAGE_ROOT } from '../../../src/config.js';
import { generateFactQuestions } from '../../../src/quiz/bank/facts/index.js';
import { QuizBankError, inspectQuestionBank, loadQuestionBank } from '../../../src/quiz/bank/load.js';
import { BAD_DIR, expectedBadProblems } from './expected-problems.js';
import { lineOf } from './lines.js';

const catalog = loadCatalog('data/catalog');
const factCount = generateFactQuestions(catalog).length;
const GOOD = 'test/fixtures/quiz/good';
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function quizDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-quiz-'));
  temp.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadQuestionBank(dir, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(QuizBankError);
    return [...(error as QuizBankError).problems];
  }
  throw new Error('the broken bank loaded');
}

/** A valid curated question, with parts replaced by the test. */
function question(id: string, parts: { source?: string; question?: string; choices?: string } = {}): string {
  return `  - id: ${id}
    source: ${parts.source ?? 'x3d'}
    difficulty: medium
    question: ${parts.question ?? `{ ja: "${id} の問題", en: "Question ${id}" }`}
    choices:
${parts.choices ?? `      - { ja: "正", en: "right", correct: true }
      - { ja: "誤1", en: "wrong 1" }
      - { ja: "誤2", en: "wrong 2" }
      - { ja: "誤3", en: "wrong 3" }`}
    explanation: { ja: "説明", en: "Because." }
`;
}

describe('loadQuestionBank on valid files', () => {
  const bank = loadQuestionBank(GOOD, catalog);
  const video = `${GOOD}/video.yaml`;

  it('puts the curated questions first, file by file, then every fact question', () => {
    expect(bank.questions.slice(0, 3).map((q) => q.id)).toEqual(['kilonerf-tiny-mlps', 'i3d-inflation', 'x3d-expands']);
    expect(bank.questions.slice(0, 3).every((q) => q.kind === 'concept')).toBe(true);
    expect(bank.questions.slice(3).every((q) => q.kind === 'fact')).toBe(true);
    expect(bank.questions).toHaveLength(3 + factCount);
  });

  it('keeps the stored choice order, records the correct index and where the question was written', () => {
    const i3d = bank.get('i3d-inflation');
    expect(i3d?.source).toBe('inflation');
    expect(i3d?.difficulty).toBe('easy');
    expect(i3d?.correct).toBe(0);
    expect(i3d?.choices[1]).toEqual({ ja: '動画のフレームレートを上げて入力を増やす', en: 'Raises the frame rate to feed the network more frames' });
    expect(i3d?.origin).toEqual({ file: video, line: lineOf(video, '- id: i3d-inflation') });
    expect(bank.get('x3d-expands')?.origin?.line).toBe(lineOf(video, 'x3d-expands'));
    expect(i3d?.explanation.en).toMatch(/^Inflation copies/);
  });

  it('finds questions by id and nothing for an unknown id', () => {
    expect(bank.get('fact-paper-x3d')?.kind).toBe('fact');
    expect(bank.get('no-such-question')).toBeUndefined();
  });

  it('counts the valid questions per file', () => {
    const { files } = inspectQuestionBank(GOOD, catalog);
    expect(files).toEqual([
      { file: `${GOOD}/nerf.yaml`, questions: 1 },
      { file: `${GOOD}/video.yaml`, questions: 2 },
    ]);
  });
});

describe('a missing or empty quiz folder', () => {
  it('is not an error: the bank holds the fact questions only', () => {
    const missing = join(quizDir({}), 'nope');
    for (const dir of [missing, quizDir({}), quizDir({ 'notes.txt': 'not yaml' })]) {
      const bank = loadQuestionBank(dir, catalog);
      expect(bank.questions).toHaveLength(factCount);
      expect(bank.questions.every((q) => q.kind === 'fact')).toBe(true);
    }
    expect(inspectQuestionBank(missing, catalog).folder.exists).toBe(false);
  });
});

describe('problems in curated files', () => {
  it('lists every seeded problem at its file:line, and loads nothing', () => {
    expect(problemsOf(BAD_DIR)).toEqual(expectedBadProblems());
  });

  it('keeps only the sound questions; a repeated id or text rejects the later copy, not the first', () => {
    const inspection = inspectQuestionBank(BAD_DIR, catalog);
    // valid-first and valid-second are fine on their own; only the later copies are rejected.
    expect(inspection.curated.map((q) => q.id)).toEqual(['valid-first', 'valid-second']);
  });

  it('reports a YAML syntax error with its line', () => {
    const dir = quizDir({ 'broken.yaml': `questions:\n${question('ok-one')}${question('two', { source: '"unterminated' })}` });
    // Line 1 "questions:", lines 2–11 the first question, 12 the second id, 13 its broken source.
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/broken\.yaml:13: Missing closing "quote$/)]);
  });

  it('reports a file that is not a list of questions', () => {
    const dir = quizDir({ 'a.yaml': 'questions: 3\n', 'b.yaml': '- id: x\n', 'c.yaml': '' });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/a\.yaml:1: questions: must be a list of questions$/);
    expect(problems[1]).toMatch(/b\.yaml:1: /);
    expect(problems[2]).toMatch(/c\.yaml:1: questions: must be a list of questions$/);
  });

  it('reports a question with no correct choice at its choices', () => {
    const choices = ['      - { ja: "一", en: "one" }', '      - { ja: "二", en: "two" }', '      - { ja: "三", en: "three" }', '      - { ja: "四", en: "four" }'].join('\n');
    const dir = quizDir({ 'q.yaml': `questions:\n${question('none-right', { choices })}` });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/q\.yaml:6: none-right: no choice is marked correct: true; exactly one must be$/)]);
  });

  it('keeps the "fact-" prefix for generated questions', () => {
    const dir = quizDir({ 'q.yaml': `questions:\n${question('fact-year-x3d')}` });
    expect(problemsOf(dir)[0]).toMatch(/q\.yaml:2: fact-year-x3d: ids starting with "fact-" are kept for generated questions$/);
  });

  it('reports a curated question that repeats a generated one, at the curated line', () => {
    const dir = quizDir({ 'q.yaml': `questions:\n${question('x3d-paper', { question: '{ ja: "別の文", en: "which paper introduced x3d?" }' })}` });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/q\.yaml:5: x3d-paper: the same question \(en\) as "fact-paper-x3d" at generated question fact-paper-x3d; each question must be asked once$/),
    ]);
  });

  it('suggests the id when a source is written as a name', () => {
    const dir = quizDir({ 'q.yaml': `questions:\n${question('kilo', { source: 'KiloNeRF' })}` });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/q\.yaml:3: kilo: source "KiloNeRF" does not match any catalog entry's id \(did you mean "kilonerf"\?\)$/)]);
  });

  it('reports a bad id and a choice that is not a { ja, en } pair', () => {
    const choices = ['      - { ja: "一", en: "one", correct: true }', '      - two', '      - { ja: "三", en: "three" }', '      - { ja: "四", en: "four" }'].join('\n');
    const dir = quizDir({ 'q.yaml': `questions:\n${question('Bad_Id', { choices })}` });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/q\.yaml:2: Bad_Id: id: ids are lower-case words joined by dashes/));
    expect(problems).toContainEqual(expect.stringMatching(/q\.yaml:8: Bad_Id: choices\.1: must be \{ ja: "…", en: "…" \}/));
  });
});

describe('the quiz folder setting', () => {
  it('defaults to the shipped data/quiz and follows YOMIKAI_QUIZ_DIR', () => {
    expect(loadConfig({}, {}).quizDir).toBe(resolve(PACKAGE_ROOT, 'data/quiz'));
    expect(loadConfig({}, { YOMIKAI_QUIZ_DIR: 'somewhere/quiz' }).quizDir).toBe(resolve('somewhere/quiz'));
  });
});

describe('the shipped bank', () => {
  it('has no problem, at least 150 questions and at least 60 conceptual ones', () => {
    const inspection = inspectQuestionBank(resolve(PACKAGE_ROOT, 'data/quiz'), catalog);
    expect(inspection.problems).toEqual([]);
    expect(inspection.curated.length + inspection.generated.length).toBeGreaterThanOrEqual(150);
    expect(inspection.curated.length).toBeGreaterThanOrEqual(60);
    expect(inspection.generated.length).toBeGreaterThanOrEqual(100);
  });
});
