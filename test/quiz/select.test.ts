import { describe, expect, it } from 'vitest';
import { chooseQuestion, difficultyFor, shuffledOrder } from '../../src/quiz/select.js';
import type { HistoryRow } from '../../src/quiz/store/answers.js';
import { sampleBank } from './harness.js';

function dateAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('choosing the next question', () => {
  it('no question repeats in a channel until the bank is used up', () => {
    const bank = sampleBank(30);
    const history: HistoryRow[] = [];
    for (let day = 0; day < 60; day++) {
      const date = dateAfter('2026-12-01', day);
      const q = chooseQuestion(bank.questions, history, date, 'discord:g:c');
      history.push({ questionId: q!.id, localDate: date, answered: 5, correct: 4 });
    }
    const firstCycle = history.slice(0, 30).map((h) => h.questionId);
    expect(new Set(firstCycle).size).toBe(30);
    const secondCycle = history.slice(30).map((h) => h.questionId);
    expect(new Set(secondCycle).size).toBe(30);
  });

  it('a question the channel mostly got wrong comes back a few days later, once', () => {
    const bank = sampleBank(30);
    const history: HistoryRow[] = [];
    let missed: string | undefined;
    const asked: string[] = [];
    for (let day = 0; day < 12; day++) {
      const date = dateAfter('2026-12-01', day);
      const q = chooseQuestion(bank.questions, history, date, 'discord:g:c')!;
      asked.push(q.id);
      missed ??= q.id;
      const wrong = q.id === missed;
      history.push({ questionId: q.id, localDate: date, answered: 4, correct: wrong ? 1 : 4 });
    }
    const returns = asked.map((id, day) => (id === missed ? day : -1)).filter((day) => day >= 0);
    expect(returns[0]).toBe(0);
    expect(returns.length).toBeGreaterThanOrEqual(2);
    expect(returns[1]).toBeGreaterThanOrEqual(3);
    // Every other question in those 12 days was new.
    const others = asked.filter((id) => id !== missed);
    expect(new Set(others).size).toBe(others.length);
  });

  it('difficulty varies through the week, from easy on Monday to hard on Friday', () => {
    expect(difficultyFor('2026-11-30')).toBe('easy'); // Monday
    expect(difficultyFor('2026-12-02')).toBe('medium'); // Wednesday
    expect(difficultyFor('2026-12-04')).toBe('hard'); // Friday
    const bank = sampleBank(30);
    expect(chooseQuestion(bank.questions, [], '2026-12-04', 'x')?.difficulty).toBe('hard');
    expect(chooseQuestion(bank.questions, [], '2026-11-30', 'x')?.difficulty).toBe('easy');
  });

  it('a round shows every choice once, in an order fixed by its seed', () => {
    const order = shuffledOrder(4, 'discord:g:c:2026-12-01');
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(shuffledOrder(4, 'discord:g:c:2026-12-01')).toEqual(order);
  });
});
