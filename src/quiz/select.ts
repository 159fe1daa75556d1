import type { HistoryRow } from './store/answers.js';
import { DIFFICULTIES, type Difficulty, type Question } from './question.js';

/** A question the channel mostly got wrong comes back after this many days … */
export const REVIEW_AFTER_DAYS = 3;
/** … at most this many times in all, and never two review days within REVIEW_AFTER_DAYS. */
export const MAX_ASKS_PER_QUESTION = 3;

/** Easy at the start of the week, hardest on Friday, easing off at the weekend (ISO weekday → level). */
const WEEKLY_DIFFICULTY: Record<number, Difficulty> = {
  1: 'easy', 2: 'easy', 3: 'medium', 4: 'medium', 5: 'hard', 6: 'medium', 7: 'easy',
};

export function difficultyFor(localDate: string): Difficulty {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const weekday = ((((epochDay(localDate) + 3) % 7) + 7) % 7) + 1;
  return WEEKLY_DIFFICULTY[weekday] ?? 'medium';
}

/**
 * Today's question for a channel, from what it was asked before:
 * 1. a review — asked at least REVIEW_AFTER_DAYS ago, answered mostly wrong — when one is due;
 * 2. otherwise a question from the least-asked part of the bank (so nothing repeats until the
 *    bank is used up), of today's difficulty or the nearest one.
 * Deterministic for a (channel, date), so tests and a re-run after a crash agree.
 */
export function chooseQuestion(bank: readonly Question[], history: readonly HistoryRow[], localDate: string, seed: string): Question | undefined {
  if (bank.length === 0) return undefined;
  const review = dueReview(bank, history, localDate);
  if (review) return review;
  const asks = new Map<string, number>();
  for (const row of history) asks.set(row.questionId, (asks.get(row.questionId) ?? 0) + 1);
  const fewest = Math.min(...bank.map((q) => asks.get(q.id) ?? 0));
  const fresh = bank.filter((q) => (asks.get(q.id) ?? 0) === fewest);
  const wanted = difficultyFor(localDate);
  for (const level of byCloseness(wanted)) {
    const pool = fresh.filter((q) => q.difficulty === level);
    if (pool.length > 0) return pool[seededIndex(`${seed}:${localDate}`, pool.length)];
  }
  return fresh[seededIndex(`${seed}:${localDate}`, fresh.length)];
}

/** Whole days since 1970 of a "YYYY-MM-DD": plain arithmetic, as this runs for every channel every day. */
function epochDay(localDate: string): number {
  return Math.round(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000);
}

function dueReview(bank: readonly Question[], history: readonly HistoryRow[], localDate: string): Question | undefined {
  const today = epochDay(localDate);
  const daysAgo = (date: string) => today - epochDay(date);
  const byQuestion = new Map<string, HistoryRow[]>();
  for (const row of history) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
  // A review day recently? Then let fresh questions have the next few days.
  const recentReview = [...byQuestion.values()].some((rows) => rows.length > 1 && rows.slice(1).some((row) => daysAgo(row.localDate) < REVIEW_AFTER_DAYS));
  if (recentReview) return undefined;
  const inBank = new Map(bank.map((q) => [q.id, q]));
  const due = [...byQuestion.entries()]
    .map(([id, rows]) => ({ question: inBank.get(id), rows, last: rows[rows.length - 1] }))
    .filter(({ question, rows, last }) => {
      if (!question || !last || rows.length >= MAX_ASKS_PER_QUESTION) return false;
      return daysAgo(last.localDate) >= REVIEW_AFTER_DAYS && last.answered > 0 && last.correct * 2 < last.answered;
    })
    .sort((a, b) => (a.last?.localDate ?? '').localeCompare(b.last?.localDate ?? ''));
  return due[0]?.question;
}

function byCloseness(level: Difficulty): Difficulty[] {
  const at = DIFFICULTIES.indexOf(level);
  return [...DIFFICULTIES].sort((a, b) => Math.abs(DIFFICULTIES.indexOf(a) - at) - Math.abs(DIFFICULTIES.indexOf(b) - at));
}

/** The order a round shows its choices in: a seeded shuffle of the stored indexes. */
export function shuffledOrder(count: number, seed: string): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = mulberry32(fnv1a(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

export function seededIndex(seed: string, length: number): number {
  return Math.floor(mulberry32(fnv1a(seed))() * length);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
