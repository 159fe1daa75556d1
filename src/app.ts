import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { loadCatalog } from './catalog/load.js';
import type { Catalog } from './catalog/catalog.js';
import { CommandRegistry } from './core/registry.js';
import type { Command } from './core/command.js';
import type { DispatchServices } from './core/dispatch.js';
import type { Feature, FeatureHost, FeatureModule, HttpRoute } from './core/feature.js';
import type { Logger } from './core/logger.js';
import type { ChatAdapter } from './core/adapter.js';
import type { Platform } from './core/invocation.js';
import { systemClock, type Clock } from './core/clock.js';
import type { FaultHook } from './schedule/fault.js';
import { openDatabase, type Db } from './store/db.js';
import { instanceId, postKeys } from './store/instance.js';
import { inGlobalOrder, storeMigrations, type Migration } from './store/migrations.js';
import type { MigrateOptions } from './store/migrate.js';
import { SettingsStore } from './store/settings.js';
import { quizFeature, type QuizServices } from './quiz/feature.js';
import type { QuizRunner } from './quiz/runner.js';
import { readingFeature, type ReadingServices } from './reading/feature.js';
import type { ReadingRunner } from './reading/runner.js';
import type { BallotRunner } from './reading/ballot/runner.js';
import { summaryFeature, type SummaryServices } from './summary/feature.js';
import { backupFeature } from './backup/feature.js';
import type { Completer } from './summary/client.js';
import { createMetrics, notCounted, type Metrics } from './metrics.js';
import { commandList } from '../commands/index.js';
import quizCommand from '../commands/quiz/index.js';
import readingCommand from '../commands/reading/index.js';
import summarizeCommand from '../commands/summary/index.js';

/**
 * The features, listed once: each one's module (tables, services, scheduled
 * work, buttons) and its commands. Adding a feature is its folder, its
 * commands/<feature>/, and one line here (plus, when it takes settings from
 * the config, one line in `buildFeatures`).
 */
export const FEATURES = [
  { module: summaryFeature, commands: [summarizeCommand] },
  { module: quizFeature, commands: [quizCommand] },
  { module: readingFeature, commands: [readingCommand] },
  { module: backupFeature, commands: [] },
] as const;

/** A feature that takes nothing from the config: a test's, or the next one before it has settings. */
export interface ExtraFeature {
  module: FeatureModule<object, void>;
  commands: readonly Command[];
}

/** Every command, in the order /help lists them. */
export function allCommands(extra: readonly ExtraFeature[] = []): readonly Command[] {
  return commandList([...FEATURES.flatMap((feature) => feature.commands as readonly Command[]), ...extra.flatMap((feature) => feature.commands)]);
}

/** Every migration — the store's and each feature's — in the one global order. */
export function allMigrations(extra: readonly ExtraFeature[] = []): Migration[] {
  return inGlobalOrder(storeMigrations, ...FEATURES.map((feature) => feature.module.migrations), ...extra.map((feature) => feature.module.migrations));
}

/** Opens (and migrates) the app's database: for the app, the CLI's tools and tests. */
export function openAppDatabase(file: string, extra: readonly ExtraFeature[] = [], options: MigrateOptions = {}): Db {
  return openDatabase(file, allMigrations(extra), options);
}

type AppServices = QuizServices & ReadingServices & SummaryServices;

/** Everything the adapters share, built once: config → database → catalog → features. */
export interface App extends DispatchServices, AppServices {
  config: Config;
  db: Db;
  /** The running chat platforms, by name: where scheduled posts go. */
  adapters: Map<Platform, ChatAdapter>;
  quizRunner: QuizRunner;
  readingRunner: ReadingRunner;
  ballotRunner: BallotRunner;
  /** HTTP routes the features serve (on Slack's HTTP server where there is one). */
  routes: readonly HttpRoute[];
  /** Counts of commands, scheduled posts, platform calls and LLM tokens: GET /metrics, on the health server only (not on Slack's public HTTP server). */
  metrics: Metrics;
  /** One pass of every feature's scheduled work: what the ticker runs. */
  tick(): Promise<void>;
  /** When the last pass began (the app's clock); undefined before the first. GET /health checks it. */
  lastTick(): Date | undefined;
  /** Resolves when every feature's scheduled work in flight has ended. */
  idle(): Promise<void>;
  close(): void;
}

export interface AppOptions {
  /** The model call for summaries; the openai SDK unless a test hands in its own. */
  completer?: Completer;
  /** One command and exit (`yomikai ask`): what that command does not use is never loaded. */
  oneShot?: boolean;
  /** Features beyond the standard ones (a test's fixture feature). */
  extraFeatures?: readonly ExtraFeature[];
}

/** Builds every service once. `clock` is the system clock unless a test hands in its own. */
export function createApp(config: Config, logger: Logger, clock: Clock = systemClock, options: AppOptions = {}): App {
  const extra = options.extraFeatures ?? [];
  // The database opens first: a bad --db is the commonest start-up mistake and
  // opening takes milliseconds, so the user hears about the file at once. A
  // broken catalog or bank then leaves at most an empty, migrated database.
  const db = openAppDatabase(config.dbPath, extra, { writeCheck: !options.oneShot });
  const adapters = new Map<Platform, ChatAdapter>();
  const metrics = options.oneShot ? notCounted() : createMetrics();
  let catalog: Catalog;
  let host: FeatureHost;
  let built: ReturnType<typeof buildFeatures>;
  try {
    catalog = loadCatalog(config.catalogDir, config.catalogCacheDir ? { cacheDir: config.catalogCacheDir } : {});
    const fault = faultHook(config, logger);
    host = {
      db,
      clock,
      catalog,
      settings: new SettingsStore(db, clock),
      publisher: (platform) => adapters.get(platform),
      logger,
      defaults: { lang: config.defaultLang, timezone: config.defaultTimezone },
      keys: postKeys(instanceId(db)),
      // Each process holds leases under its own name; a lease it finds under another name is not its to use.
      worker: randomUUID(),
      ...(fault ? { fault } : {}),
      observe: metrics.observe,
    };
    built = buildFeatures(config, host, options.completer, options.oneShot ?? false);
  } catch (error) {
    db.close();
    throw error;
  }
  const features: Feature[] = [built.summary, built.quiz, built.reading, built.backup, ...extra.map((feature) => feature.module.create(host, undefined))];
  let closed = false;
  let lastTickAt: Date | undefined;
  return {
    config,
    db,
    catalog,
    registry: new CommandRegistry(allCommands(extra)),
    settings: host.settings,
    logger,
    defaultLang: config.defaultLang,
    defaultTimezone: config.defaultTimezone,
    clock,
    features: Object.assign({}, ...features.map((feature) => feature.services)) as AppServices,
    ...built.summary.services,
    ...built.quiz.services,
    ...built.reading.services,
    quizRunner: built.quiz.runner,
    readingRunner: built.reading.runner,
    ballotRunner: built.reading.ballotRunner,
    routes: features.flatMap((feature) => feature.routes ?? []),
    metrics,
    observe: metrics.observe,
    buttons: features.flatMap((feature) => feature.buttons ?? []),
    posted: features.flatMap((feature) => feature.posted ?? []),
    adapters,
    async tick() {
      lastTickAt = clock.now();
      // Each feature logs and survives its own failures; one never holds up another.
      const results = await Promise.allSettled(features.map((feature) => feature.tick?.()));
      for (const result of results) if (result.status === 'rejected') logger.error({ err: result.reason }, 'scheduled work failed; the next tick tries again');
    },
    lastTick: () => lastTickAt,
    async idle() {
      await Promise.all(features.map((feature) => feature.idle?.()));
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Each standard feature with what it takes from the config — and the quiz, the summaries' reveal briefs. */
function buildFeatures(config: Config, host: FeatureHost, completer: Completer | undefined, oneShot: boolean) {
  const summary = summaryFeature.create(host, { config: config.summary, ...(completer ? { completer } : {}) });
  const quiz = quizFeature.create(host, { quizDir: config.quizDir, graceMinutes: config.quizGraceMinutes, bankOnFirstUse: oneShot, ...(summary.briefs ? { briefs: summary.briefs } : {}) });
  const reading = readingFeature.create(host, { defaultOffsets: config.readingReminderOffsets, publicUrl: config.publicUrl });
  const backup = backupFeature.create(host, { dbFile: config.dbPath, ...(config.backup ? { nightly: config.backup } : {}) });
  return { summary, quiz, reading, backup };
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
