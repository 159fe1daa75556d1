import { loadConfig, ConfigError, type Config } from './config.js';
import { createApp, type App, type AppOptions } from './app.js';
import { CatalogError } from './catalog/load.js';
import { DatabaseError } from './store/database-error.js';
import { createLogger, type Logger } from './core/logger.js';
import { QuizBankError } from './quiz/bank/index.js';

// Building the app, apart from running it (start.ts): the one-shot CLI needs this and
// none of the ticker, the HTTP server, the chat SDKs or the console loop.

/** Problems that should end the process with a clear message rather than a stack trace. */
export function explainStartupError(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof CatalogError || error instanceof DatabaseError || error instanceof QuizBankError) return error.message;
  return undefined;
}

/** Builds the app from the environment; throws ConfigError / CatalogError / DatabaseError with readable messages. */
export function bootstrap(overrides: Record<string, string | undefined> = {}, quietByDefault = true, appOptions: AppOptions = {}): { config: Config; logger: Logger; app: App } {
  const config = loadConfig(overrides);
  const hasPlatform = Boolean(config.discord || config.slack);
  const logger = createLogger(config.logLevel ?? (hasPlatform || !quietByDefault ? 'info' : 'warn'));
  const app = createApp(config, logger, undefined, appOptions);
  return { config, logger, app };
}

