import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load.js';
import type { Question } from '../../../src/quiz/question.js';
import { answerProblems, contentProblems, correctFlagProblems, crossProblems } from '../../../src/quiz/bank/checks.js';
import { choicesFitButtons } from '../../../src/quiz/bank/buttons.js';

/** The rules as applied to questions built in code — the path generated questions take through `--check`. */
const catalog = loadCatalog('data/catalog');

function sound(overrides: Partial<Question> = {}): Question {
  return {
    id: 'fact-year-x3d',
    kind: 'fact',
    source: 'x3d',
    difficulty: 'hard',
    question: { ja: 'X3D の論文が発表されたのは何年？', en: 'In which year was X3D published?' },
    choices: [
      { ja: '2018年', en: '2018' },
      { ja: '2019年', en: '2019' },
      { ja: '2020年', en: '2020' },
      { ja: '2021年', en: '2021' },
    ],
    correct: 2,
    explanation: { ja: '2020年。', en: '2020.' },
    ...overrides,
  };
}

const messages = (question: Question) => [...contentProblems(question, catalog), ...answerProblems(question)].map((p) => `${p.path.join('.')}: ${p.message}`);

describe('the question rules', () => {
  it('find nothing wrong with a sound question', () => {
    expect(messages(sound())).toEqual([]);
  });

  it('catch three choices, a missing and a blank language, repeated choices and a correct index out of range', () => {
    expect(messages(sound({ choices: sound().choices.slice(0, 3), correct: 3 }))).toEqual([
      'choices: has 3 choices; a question needs exactly 4',
      'choices: the correct choice (index 3) is not one of the 3 choices',
    ]);
    expect(messages(sound({ question: { ja: 'X3D？', en: '   ' } }))).toEqual(['question.en: question.en: is empty: every text needs both ja and en']);
    expect(messages(sound({ explanation: { en: 'Because.' } as Question['explanation'] }))).toEqual(['explanation.ja: explanation.ja: missing: every text needs both ja and en']);
    const choices = [...sound().choices.slice(0, 3), { ja: '２０２０年', en: ' 2020 ' }];
    expect(messages(sound({ choices }))).toEqual([
      'choices.3.en: choice 4 repeats choice 3 in en: "2020"; choices must be distinct',
      'choices.3.ja: choice 4 repeats choice 3 in ja: "２０２０年"; choices must be distinct',
    ]);
  });

  it('catch an unknown source, a bad id and an unknown difficulty', () => {
    expect(messages(sound({ source: 'x4d', id: 'Fact Year', difficulty: 'extreme' as Question['difficulty'] }))).toEqual([
      'id: id "Fact Year" must be lower-case words joined by dashes',
      'difficulty: difficulty "extreme" must be one of easy, medium, hard',
      expect.stringMatching(/^source: source "x4d" does not match any catalog entry's id/),
    ]);
  });

  it('want exactly one choice marked correct in a curated file', () => {
    expect(correctFlagProblems([true, undefined, false, undefined])).toEqual([]);
    expect(correctFlagProblems([undefined, undefined, false, undefined])[0]?.message).toBe('no choice is marked correct: true; exactly one must be');
    expect(correctFlagProblems([false, true, true, true])[0]).toEqual({ path: ['choices', 2], message: '3 choices are marked correct: true (choices 2, 3, 4); exactly one must be' });
  });

  it('across the bank: a repeated id, and the same question text in either language', () => {
    const first = sound();
    const sameId = sound({ question: { ja: '別', en: 'Other' } });
    const sameJa = sound({ id: 'fact-year-x3d-again', question: { ja: ' Ｘ3D の論文が発表されたのは何年？ ', en: 'Different English' } });
    const where = (q: Question) => (q === first ? 'first place' : 'elsewhere');
    const found = crossProblems([first, sameId, sameJa], where).map(({ question, problem }) => [question === first ? 'first' : question.id, problem.message]);
    expect(found).toEqual([
      ['fact-year-x3d', 'id "fact-year-x3d" is already used at first place'],
      ['fact-year-x3d-again', 'the same question (ja) as "fact-year-x3d" at first place; each question must be asked once'],
    ]);
  });
});

describe('choicesFitButtons', () => {
  const withChoice = (text: string) => ({ choices: [{ ja: text, en: 'short' }, ...sound().choices.slice(1)] });

  it('is true up to 75 UTF-16 units and false beyond, per language', () => {
    expect(choicesFitButtons(withChoice('a'.repeat(75)), 'ja')).toBe(true);
    expect(choicesFitButtons(withChoice('a'.repeat(76)), 'ja')).toBe(false);
    expect(choicesFitButtons(withChoice('a'.repeat(76)), 'en')).toBe(true);
  });

  it('counts UTF-16 units as the platforms do: an emoji is two, a kana one', () => {
    expect(choicesFitButtons(withChoice('あ'.repeat(75)), 'ja')).toBe(true);
    expect(choicesFitButtons(withChoice(`${'あ'.repeat(74)}😀`), 'ja')).toBe(false);
  });
});
