import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load.js';
import { generateFactQuestions } from '../../../src/quiz/bank/facts/index.js';
import type { Question } from '../../../src/quiz/question.js';
import { BAD_DIR, expectedBadProblems } from './expected-problems.js';

/** `yomikai quiz bank` end to end, as a child process on the built package (npm test builds first). */
const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'yomikai-quiz-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const factCount = generateFactQuestions(loadCatalog('data/catalog')).length;
const GOOD = 'test/fixtures/quiz/good';

async function yomikai(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: work, ...extraEnv };
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/yomikai.js', ...args], { env, timeout: 15_000, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('yomikai quiz bank --check', () => {
  it('passes on the shipped bank: data/quiz and the catalog facts', async () => {
    const { code, stdout, stderr } = await yomikai(['quiz', 'bank', '--check']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const concept = Number(/by kind: concept (\d+), fact (\d+)/.exec(stdout)?.[1]);
    const total = Number(/Quiz bank: (\d+) valid questions/.exec(stdout)?.[1]);
    expect(concept).toBeGreaterThanOrEqual(60);
    expect(total).toBeGreaterThanOrEqual(150);
  });

  it('passes on valid files and prints counts by kind, difficulty, template and file', async () => {
    const { code, stdout, stderr } = await yomikai(['quiz', 'bank', '--check', '--dir', GOOD]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Quiz bank: ${3 + factCount} valid questions (${GOOD})`);
    expect(stdout).toContain(`by kind: concept 3, fact ${factCount}`);
    expect(stdout).toContain('concept: easy 1, medium 2, hard 0');
    expect(stdout).toMatch(/by difficulty: easy \d+, medium \d+, hard \d+/);
    expect(stdout).toMatch(/fact questions by template: paper \d+, model-of-paper \d+, section \d+, dataset-for-task \d+, task-of-dataset \d+, classes \d+, year \d+, venue \d+/);
    expect(stdout).toContain(`${GOOD}/nerf.yaml: 1\n`);
    expect(stdout).toContain(`${GOOD}/video.yaml: 2\n`);
    expect(stdout).toMatch(/choice longer than 75 UTF-16 units \(shown with A–D buttons\): en \d+, ja \d+/);
    expect(stdout).toContain('No problems.');
  });

  it('fails on seeded bad questions, each reported at its file:line', async () => {
    const { code, stderr } = await yomikai(['quiz', 'bank', '--check', '--dir', BAD_DIR]);
    expect(code).toBe(1);
    const expected = expectedBadProblems();
    expect(stderr).toBe(`${expected.join('\n')}\n${expected.length} problems in the quiz bank.\n`);
    // The three the issue names, spelled out: two correct choices, a missing language, an unknown source.
    expect(stderr).toMatch(/^test\/fixtures\/quiz\/bad\/a-seeded\.yaml:10: two-correct: 2 choices are marked correct/m);
    expect(stderr).toMatch(/^test\/fixtures\/quiz\/bad\/a-seeded\.yaml:18: missing-english: question\.en: missing/m);
    expect(stderr).toMatch(/^test\/fixtures\/quiz\/bad\/a-seeded\.yaml:27: unknown-source: source "i4d" does not match/m);
  });

  it('reports a quiz folder without curated questions, and still counts the fact questions', async () => {
    const { code, stdout, stderr } = await yomikai(['quiz', 'bank', '--check', '--dir', join(work, 'missing')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`by kind: concept 0, fact ${factCount}`);
    expect(stderr).toContain('missing: does not exist (set YOMIKAI_QUIZ_DIR or --dir');
    expect(stderr).toContain(`only the ${factCount} generated from the catalog`);
    const empty = await yomikai(['quiz', 'bank', '--check', '--dir', work]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('has no .yaml files');
  });

  it('reads the folder from YOMIKAI_QUIZ_DIR when --dir is not given', async () => {
    const { code, stdout } = await yomikai(['quiz', 'bank', '--check'], { YOMIKAI_QUIZ_DIR: GOOD });
    expect(code).toBe(0);
    expect(stdout).toContain('by kind: concept 3,');
  });
});

describe('yomikai quiz bank --json', () => {
  it('prints every question of the bank', async () => {
    const { code, stdout } = await yomikai(['quiz', 'bank', '--json', '--dir', GOOD]);
    expect(code).toBe(0);
    const { questions } = JSON.parse(stdout) as { questions: Question[] };
    expect(questions).toHaveLength(3 + factCount);
    expect(questions.slice(0, 3).map((q) => q.id)).toEqual(['kilonerf-tiny-mlps', 'i3d-inflation', 'x3d-expands']);
    const i3d = questions[1]!;
    expect(i3d).toMatchObject({ kind: 'concept', source: 'inflation', difficulty: 'easy', correct: 0, origin: { file: `${GOOD}/video.yaml` } });
    expect(questions.find((q) => q.id === 'fact-paper-x3d')?.choices).toHaveLength(4);
  });

  it('prints nothing and exits 1 with the problems on stderr when the bank has any', async () => {
    const { code, stdout, stderr } = await yomikai(['quiz', 'bank', '--json', '--dir', BAD_DIR]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('two-correct: 2 choices are marked correct');
  });
});

describe('yomikai quiz usage', () => {
  it.each([
    [['quiz', 'bank'], 'quiz bank needs exactly one of --check or --json.'],
    [['quiz', 'bank', '--check', '--json'], 'quiz bank needs exactly one of --check or --json.'],
    [['quiz', 'bnak', '--check'], 'Unknown "quiz bnak". Did you mean "yomikai quiz bank --check"?'],
  ])('%j → usage error', async (args, message) => {
    const { code, stderr } = await yomikai(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('yomikai quiz bank --check [--dir PATH]');
  });
});
