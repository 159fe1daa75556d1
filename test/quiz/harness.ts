import { loadConfig } from '../../src/config.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { ChatAdapter, Lookup, PostOptions, PostResult, PostFailure } from '../../src/core/adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import type { Question, QuestionBank } from '../../src/quiz/question.js';
import { QuizRunner } from '../../src/quiz/runner.js';
import { QuizService } from '../../src/quiz/service.js';
import type { Wait } from '../../src/schedule/coalesce.js';
import type { Db } from '../../src/store/db.js';
import { openAppDatabase } from '../../src/app.js';
import { QuizAnswerStore } from '../../src/quiz/store/answers.js';
import { QuizRoundStore } from '../../src/quiz/store/rounds.js';
import { QuizScheduleStore } from '../../src/quiz/store/schedules.js';
import { instanceId, postKeys } from '../../src/store/instance.js';

let catalog: Catalog | undefined;
export function realCatalog(): Catalog {
  catalog ??= loadCatalog(loadConfig({}, {}).catalogDir);
  return catalog;
}

/** A bank of `count` simple questions with a spread of difficulties, sourced from real catalog ids. */
export function sampleBank(count = 30): QuestionBank {
  const sources = ['x3d', 'i3d', 'slowfast', 'c3d', 'two-stream'];
  const levels = ['easy', 'medium', 'hard'] as const;
  const questions: Question[] = Array.from({ length: count }, (_, i) => ({
    id: `sample-${i}`,
    kind: 'concept',
    source: sources[i % sources.length] ?? 'x3d',
    difficulty: levels[i % 3] ?? 'easy',
    question: { ja: `問題 ${i}`, en: `Question ${i}` },
    choices: [0, 1, 2, 3].map((c) => ({ ja: `選択肢 ${i}-${c}`, en: `Choice ${i}-${c}` })),
    correct: i % 4,
    explanation: { ja: `解説 ${i}`, en: `Because ${i}` },
  }));
  const byId = new Map(questions.map((q) => [q.id, q]));
  return { questions, get: (id) => byId.get(id) };
}

export interface Posted {
  channel: string;
  reply: Reply;
  messageId: string;
  key?: string;
}

/**
 * The scheduled-post side of a chat platform, recorded. With `dedupe` (the
 * default) a repeated idempotency key returns the first message, as
 * Discord's enforced nonce does; without it every post is a new message, as
 * on Slack. `find` sees every message posted (the channel's history), and a
 * channel can be held so that its calls hang until the test releases them.
 */
export class RecordingAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly posts: Posted[] = [];
  readonly edits: { channel: string; messageId: string; reply: Reply }[] = [];
  /** Fail the next N posts with this reason. */
  failNext: { count: number; reason: PostFailure } = { count: 0, reason: 'failed' };
  /** Fail the next N edits (a platform outage). */
  failEdits = 0;
  /** What `find` answers while the history cannot be read. */
  historyUnreadable = false;
  /** Every call, in order: `post:<channel>`, `edit:<channel>`, `find:<channel>`. */
  readonly calls: string[] = [];
  private next = 1;
  private readonly byKey = new Map<string, string>();
  private readonly holds = new Map<string, Promise<void>>();

  constructor(private readonly options: { dedupe?: boolean } = {}) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Calls for `channel` hang until the returned function is called. */
  holdChannel(channel: string): () => void {
    let release = () => {};
    this.holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(channel);
      release();
    };
  }

  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    this.calls.push(`post:${channel}`);
    await this.holds.get(channel);
    if (this.failNext.count > 0) {
      this.failNext.count--;
      return { ok: false, reason: this.failNext.reason, detail: 'test failure' };
    }
    const key = options.idempotencyKey;
    // A retry looks in the history first, as the real adapters do; a nonce (dedupe) also catches a repeat.
    const seen = key && (this.options.dedupe !== false || (options.retry && !this.historyUnreadable)) ? this.byKey.get(key) : undefined;
    const earlier = seen;
    if (earlier) return { ok: true, messageId: earlier };
    const messageId = `m${this.next++}`;
    if (key && !this.byKey.has(key)) this.byKey.set(key, messageId);
    this.posts.push({ channel, reply, messageId, ...(key ? { key } : {}) });
    return { ok: true, messageId };
  }

  async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    this.calls.push(`edit:${channel}`);
    await this.holds.get(channel);
    if (this.failEdits > 0) {
      this.failEdits--;
      return { ok: false, reason: 'failed', detail: 'test outage' };
    }
    this.edits.push({ channel, messageId, reply });
    return { ok: true, messageId };
  }

  async find(channel: string, _reply: Reply, key: string): Promise<Lookup> {
    this.calls.push(`find:${channel}`);
    await this.holds.get(channel);
    if (this.historyUnreadable) return { state: 'unknown', detail: 'test: history unreadable' };
    const messageId = this.byKey.get(key);
    return messageId ? { state: 'found', messageId } : { state: 'absent' };
  }

  rounds(): Posted[] {
    return this.posts.filter((p) => p.key?.startsWith('yq'));
  }

  reveals(): Posted[] {
    return this.posts.filter((p) => /^yr[0-9a-f]/.test(p.key ?? ''));
  }

  /** Posts that carry the same key as an earlier post: duplicates members would see. */
  duplicates(): Posted[] {
    const seen = new Set<string>();
    return this.posts.filter((p) => p.key !== undefined && (seen.has(p.key) || !seen.add(p.key)));
  }
}

export interface Harness {
  db: Db;
  clock: ManualClock;
  adapter: RecordingAdapter;
  schedules: QuizScheduleStore;
  rounds: QuizRoundStore;
  answers: QuizAnswerStore;
  runner: QuizRunner;
  service: QuizService;
}

/** The quiz on a database (a file, to restart on, or :memory:), with a clock the test moves. */
export function quizHarness(options: {
  db?: Db;
  file?: string;
  clock: ManualClock;
  bank?: QuestionBank;
  graceMinutes?: number;
  adapter?: RecordingAdapter;
  /** The worker's name on its leases: two harnesses on one file are two workers. */
  worker?: string;
  callDeadlineMs?: number;
  /** How live-count edits wait for their turn (a test's simulated timers); a real timer otherwise. */
  liveCountWait?: Wait;
}): Harness {
  const db = options.db ?? openAppDatabase(options.file ?? ':memory:');
  const adapter = options.adapter ?? new RecordingAdapter();
  const schedules = new QuizScheduleStore(db);
  const rounds = new QuizRoundStore(db);
  const answers = new QuizAnswerStore(db);
  const bank = options.bank ?? sampleBank();
  const logger = silentLogger();
  const runner = new QuizRunner({
    schedules,
    rounds,
    answers,
    bank,
    catalog: realCatalog(),
    clock: options.clock,
    publisher: (platform) => (platform === 'discord' ? adapter : undefined),
    logger,
    langOf: () => 'en',
    graceMinutes: options.graceMinutes ?? 120,
    keys: postKeys(instanceId(db)),
    worker: options.worker ?? 'worker-1',
    ...(options.callDeadlineMs ? { callDeadlineMs: options.callDeadlineMs } : {}),
    liveCountWait: options.liveCountWait,
  });
  const service = new QuizService({ schedules, rounds, answers, bank, runner, clock: options.clock, logger });
  return { db, clock: options.clock, adapter, schedules, rounds, answers, runner, service };
}

export const PLACE = { platform: 'discord' as const, scope: 'guild1', channel: 'chan1' };
export const ADMIN = { id: 'admin', name: 'Admin' };

/** Ticks once a minute from the clock's time up to `until`. */
export async function tickUntil(h: Harness, until: string | Date, stepMs = 60_000): Promise<void> {
  const end = new Date(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(stepMs);
    await h.runner.tick();
  }
}
