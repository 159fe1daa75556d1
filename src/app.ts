import type { Config } from './config.js';
import { loadCatalog } from './catalog/load.js';
import { CommandRegistry } from './core/registry.js';
import type { DispatchServices } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import type { ChatAdapter } from './core/adapter.js';
import type { Place, Platform } from './core/invocation.js';
import { placeKey } from './core/invocation.js';
import { systemClock, type Clock } from './core/clock.js';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './store/db.js';
import { instanceId, postKeys } from './store/instance.js';
import type { FaultHook } from './schedule/fault.js';
import { SettingsStore } from './store/settings.js';
import { QuizScheduleStore } from './quiz/store/schedules.js';
import { QuizRoundStore } from './quiz/store/rounds.js';
import { QuizAnswerStore } from './quiz/store/answers.js';
import { loadQuestionBank } from './quiz/bank/index.js';
import { QuizRunner } from './quiz/runner.js';
import { QuizService } from './quiz/service.js';
import { quizButtons } from './quiz/button-handler.js';
import { SummaryCacheStore } from './summary/store/cache.js';
import { SummaryUsageStore } from './summary/store/usage.js';
import { SummaryService } from './summary/service.js';
import type { Completer } from './summary/client.js';
import { revealBriefs } from './summary/quiz-brief.js';
import { ReadingSessionStore } from './reading/store/sessions.js';
import { ReadingOccurrenceStore } from './reading/store/occurrences.js';
import { ReadingRsvpStore } from './reading/store/rsvps.js';
import { ReadingReminderStore } from './reading/store/reminders.js';
import { ReadingSettingsStore } from './reading/store/settings.js';
import { ReadingService } from './reading/service.js';
import { ReadingRunner } from './reading/runner.js';
import { readingButtons } from './reading/button-handler.js';
import { commands } from '../commands/index.js';

/** Everything the adapters share, built once: config → catalog → store → services. */
export interface App extends DispatchServices {
  config: Config;
  db: Db;
  /** The running chat platforms, by name: where scheduled posts go. */
  adapters: Map<Platform, ChatAdapter>;
  quizRunner: QuizRunner;
  readingRunner: ReadingRunner;
  /** One pass of all scheduled work (quiz rounds, reading reminders): what the ticker runs. */
  tick(): Promise<void>;
  close(): void;
}

/** Builds every service once. `clock` is the system clock unless a test hands in its own. */
export function createApp(config: Config, logger: Logger, clock: Clock = systemClock, completer?: Completer): App {
  // The database opens first: a bad --db is the commonest start-up mistake and
  // opening takes milliseconds, so the user hears about the file at once. A
  // broken catalog or bank then leaves at most an empty, migrated database.
  const db = openDatabase(config.dbPath);
  let catalog;
  let bank;
  try {
    catalog = loadCatalog(config.catalogDir);
    bank = loadQuestionBank(config.quizDir, catalog);
  } catch (error) {
    db.close();
    throw error;
  }
  const registry = new CommandRegistry(commands);
  const keys = postKeys(instanceId(db));
  // Each process holds leases under its own name; a lease it finds under another name is not its to use.
  const worker = randomUUID();
  const fault = faultHook(config, logger);
  const settings = new SettingsStore(db, clock);
  const adapters = new Map<Platform, ChatAdapter>();
  const schedules = new QuizScheduleStore(db);
  const rounds = new QuizRoundStore(db);
  const answers = new QuizAnswerStore(db);
  const summary = new SummaryService({
    config: config.summary,
    cache: new SummaryCacheStore(db),
    usage: new SummaryUsageStore(db),
    catalog,
    clock,
    logger,
    ...(completer ? { completer } : {}),
  });
  const zoneOf = (place: Place) => settings.get(placeKey(place)).timezone ?? config.defaultTimezone;
  const briefs = revealBriefs(summary, catalog, zoneOf, logger);
  const quizRunner = new QuizRunner({
    schedules,
    rounds,
    answers,
    bank,
    catalog,
    clock,
    publisher: (platform) => adapters.get(platform),
    logger,
    langOf: (place) => settings.get(placeKey({ platform: place.platform as Platform, scope: place.scope, channel: '' })).language ?? config.defaultLang,
    graceMinutes: config.quizGraceMinutes,
    keys,
    worker,
    ...(fault ? { fault } : {}),
    ...(briefs ? { briefs } : {}),
  });
  const quiz = new QuizService({ schedules, rounds, answers, bank, runner: quizRunner, clock, logger });
  const reminders = new ReadingReminderStore(db);
  let readingRunner: ReadingRunner | undefined;
  const reading = new ReadingService({
    sessions: new ReadingSessionStore(db),
    occurrences: new ReadingOccurrenceStore(db),
    rsvps: new ReadingRsvpStore(db),
    reminders,
    settings: new ReadingSettingsStore(db),
    catalog,
    clock,
    logger,
    onRsvp: (occurrenceId) => {
      readingRunner?.refresh(occurrenceId).catch((error: unknown) => logger.warn({ err: error, occurrence: occurrenceId }, 'reading: live counts not updated'));
    },
  });
  readingRunner = new ReadingRunner({
    service: reading,
    reminders,
    catalog,
    clock,
    publisher: (platform) => adapters.get(platform),
    logger,
    defaultOffsets: config.readingReminderOffsets,
    keys,
    worker,
    ...(fault ? { fault } : {}),
  });
  const runner = readingRunner;
  let closed = false;
  return {
    config,
    db,
    catalog,
    registry,
    settings,
    logger,
    defaultLang: config.defaultLang,
    defaultTimezone: config.defaultTimezone,
    clock,
    quiz,
    summary,
    quizRunner,
    reading,
    readingRunner: runner,
    async tick() {
      // Each runner logs and survives its own failures; one never holds up the other.
      const results = await Promise.allSettled([quizRunner.tick(), runner.tick()]);
      for (const result of results) if (result.status === 'rejected') logger.error({ err: result.reason }, 'scheduled work failed; the next tick tries again');
    },
    buttons: [quizButtons(quiz, catalog), readingButtons(reading)],
    adapters,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** YOMIKAI_FAULT_EXIT_AFTER (crash tests): die as `kill -9` would, right after the named step. */
function faultHook(config: Config, logger: Logger): FaultHook | undefined {
  const step = config.faultExitAfter;
  if (!step) return undefined;
  logger.warn({ step }, 'fault injection on: the process kills itself after this step of scheduled work');
  return (at) => {
    if (at === step) process.kill(process.pid, 'SIGKILL');
  };
}
