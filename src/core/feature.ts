import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalog } from '../catalog/catalog.js';
import type { Lang } from '../i18n/index.js';
import type { FaultHook } from '../schedule/fault.js';
import type { Db } from '../store/db.js';
import type { PostKeys } from '../store/instance.js';
import type { Migration } from '../store/migrations.js';
import type { SettingsStore } from '../store/settings.js';
import type { Publisher } from './adapter.js';
import type { ButtonHandler } from './buttons.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Observer } from './observe.js';
import type { PostedHandler } from './posted.js';

/**
 * A feature is one room of the house (the model is Red-DiscordBot's cogs):
 * its tables, its logic, its scheduled work and its buttons live in its own
 * folder (src/quiz, src/reading, src/summary), its commands in
 * commands/<feature>/, and the app lists it in one line (src/app.ts). The
 * core defines only this shape and knows no feature.
 */

/** What the app gives every feature it builds. */
export interface FeatureHost {
  db: Db;
  /** The one source of "now". */
  clock: Clock;
  catalog: Catalog;
  settings: SettingsStore;
  /** Where scheduled posts go: the running chat platforms. */
  publisher: Publisher;
  logger: Logger;
  defaults: { lang: Lang; timezone: string };
  /** This database's idempotency keys for scheduled posts. */
  keys: PostKeys;
  /** This process's name on the leases it holds. */
  worker: string;
  /** Test-only crash points (YOMIKAI_FAULT_EXIT_AFTER). */
  fault?: FaultHook;
  /** Told what scheduled work did (the app's metrics); absent, nothing is counted. */
  observe?: Observer;
}

/** An HTTP route a feature serves on the bot's HTTP server. */
export interface HttpRoute {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  /** Also answers one path segment below `path` (`/reading/feed/<token>.ics`); the handler reads it from request.url. */
  prefix?: boolean;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

/** A feature as it runs. */
export interface Feature<S extends object = object> {
  name: string;
  /** What its commands find in their context (`{ quiz: QuizService }`). */
  services: S;
  /** Handlers for the buttons on messages it posts. */
  buttons?: readonly ButtonHandler[];
  /** One pass of its scheduled work (app.tick() runs every feature's). */
  tick?(): Promise<void>;
  /** Resolves when its scheduled work in flight has ended (tests, shutdown). */
  idle?(): Promise<void>;
  routes?: readonly HttpRoute[];
  /** Told where its tracked replies were posted (core/posted.ts). */
  posted?: readonly PostedHandler[];
}

/**
 * A feature as the app lists it: its migrations (named; all features' run in
 * one global order, src/store/migrations.ts) and how to build it once the
 * database is migrated. `Options` is what the app passes from its config.
 */
export interface FeatureModule<S extends object = object, Options = void> {
  name: string;
  migrations: readonly Migration[];
  create(host: FeatureHost, options: Options): Feature<S>;
}
