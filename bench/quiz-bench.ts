import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../src/catalog/load.js';
import type { ChatAdapter, Lookup, PostResult } from '../src/core/adapter.js';
import { ManualClock } from '../src/core/clock.js';
import { silentLogger } from '../src/core/logger.js';
import type { Question, QuestionBank } from '../src/quiz/question.js';
import { QuizRunner } from '../src/quiz/runner.js';
import { QuizService } from '../src/quiz/service.js';
import type { Db } from '../src/store/db.js';
import { openAppDatabase } from '../src/app.js';
import { QuizAnswerStore } from '../src/quiz/store/answers.js';
import { QuizRoundStore } from '../src/quiz/store/rounds.js';
import { QuizScheduleStore } from '../src/quiz/store/schedules.js';
import { instanceId, postKeys } from '../src/store/instance.js';

export interface QuizBenchResult {
  channels: number;
  /** Wall time of the tick that chose, claimed and recorded every channel's round. */
  dueMs: number;
  rounds: number;
  duplicates: number;
  answers: number;
  answersPerSecond: number;
}

/** A platform that takes every post at once, so the figure is ours alone (choosing and recording). */
class InstantAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  posts = 0;
  private next = 0;
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async post(): Promise<PostResult> {
    this.posts++;
    return { ok: true, messageId: String(++this.next) };
  }
  async edit(_channel: string, messageId: string): Promise<PostResult> {
    return { ok: true, messageId };
  }
  async find(): Promise<Lookup> {
    return { state: 'absent' };
  }
}

function generatedBank(size: number): QuestionBank {
  const levels = ['easy', 'medium', 'hard'] as const;
  const questions: Question[] = Array.from({ length: size }, (_, i) => ({
    id: `bench-${i}`,
    kind: 'fact',
    source: 'x3d',
    difficulty: levels[i % 3] ?? 'easy',
    question: { ja: `問題 ${i}`, en: `Question ${i}` },
    choices: [0, 1, 2, 3].map((c) => ({ ja: `選択肢 ${c}`, en: `Choice ${c}` })),
    correct: i % 4,
    explanation: { ja: '解説', en: 'Because.' },
  }));
  const byId = new Map(questions.map((q) => [q.id, q]));
  return { questions, get: (id) => byId.get(id) };
}

function parts(db: Db, clock: ManualClock, adapter: ChatAdapter, bank: QuestionBank, worker: string) {
  const schedules = new QuizScheduleStore(db);
  const rounds = new QuizRoundStore(db);
  const answers = new QuizAnswerStore(db);
  const logger = silentLogger();
  const catalog = loadCatalog('data/catalog');
  const keys = postKeys(instanceId(db));
  const runner = new QuizRunner({ schedules, rounds, answers, bank, catalog, clock, publisher: () => adapter, logger, langOf: () => 'en', graceMinutes: 120, keys, worker });
  return { schedules, rounds, answers, runner, service: new QuizService({ schedules, rounds, answers, bank, runner, clock, logger }) };
}

/**
 * 1,000 channels due in the same minute, each with two weeks of history, on a
 * file database: two workers tick at once (the duplicate check), and the
 * time is the wall time until every round is chosen, claimed and recorded.
 * Then answers per second through the real store (one IMMEDIATE transaction each).
 */
export async function runQuizBench(channels = 1000, historyDays = 14, answerCount = 20_000): Promise<QuizBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-quiz-bench-'));
  try {
    const file = join(dir, 'quiz.db');
    const clock = new ManualClock('2026-11-01T08:00:00Z');
    const bank = generatedBank(400);
    const adapter = new InstantAdapter();
    const a = parts(openAppDatabase(file), clock, adapter, bank, 'worker-a');
    const b = parts(openAppDatabase(file), clock, adapter, bank, 'worker-b');
    for (let i = 0; i < channels; i++) {
      a.service.schedule({ platform: 'discord', scope: 'g', channel: `c${i}` }, { id: 'admin' }, { time: '09:00', timezone: 'UTC' }, 'UTC');
    }
    // Two weeks of earlier rounds per channel, so choosing a question reads real history.
    for (let day = 0; day < historyDays; day++) {
      clock.set(new Date(Date.UTC(2026, 10, 1 + day, 9, 0)));
      await a.runner.tick();
      clock.set(new Date(Date.UTC(2026, 10, 1 + day, 21, 1)));
      await a.runner.tick();
    }
    const before = adapter.posts;
    clock.set(new Date(Date.UTC(2026, 10, 1 + historyDays, 9, 0)));
    const start = performance.now();
    await Promise.all([a.runner.tick(), b.runner.tick()]);
    const dueMs = performance.now() - start;
    const today = new Date(Date.UTC(2026, 10, 1 + historyDays)).toISOString().slice(0, 10);
    const rows = a.rounds.countOn(today);
    const posted = adapter.posts - before;

    const round = a.rounds.openIn('discord:g:c0');
    if (!round) throw new Error('bench: no open round');
    const answerStart = performance.now();
    for (let i = 0; i < answerCount; i++) a.service.answer(round.id, { id: `u${i}`, name: `User ${i}` }, i % 4);
    const answerMs = performance.now() - answerStart;
    return {
      channels,
      dueMs,
      rounds: rows,
      duplicates: posted - rows,
      answers: answerCount,
      answersPerSecond: answerCount / (answerMs / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
