import type { App } from './app.js';
import { bootstrap } from './bootstrap.js';
import type { Config } from './config.js';
import type { Logger } from './core/logger.js';
import { platformAdapters } from './adapters/platforms.js';
import { runRepl } from './adapters/console/repl.js';
import type { Lang } from './i18n/index.js';
import { startTicker, type Ticker } from './schedule/ticker.js';
import { withDeadline } from './schedule/deadline.js';
import { startHealthServer, type HealthServer, type HealthServerOptions } from './adapters/health-server.js';
import { healthCheck } from './adapters/health-check.js';

// The one-shot CLI builds the app through bootstrap.ts alone; these stay importable from here.
export { bootstrap, explainStartupError } from './bootstrap.js';

/** How long a shutdown waits for posts in flight: inside Docker's and systemd's default 10 s. */
const SHUTDOWN_GRACE_MS = 6_000;

export interface StartOptions {
  overrides?: Record<string, string | undefined>;
  lang?: Lang;
}

/**
 * `npm start`: the configured chat platforms, or the console chat when no
 * tokens are set. Shuts down cleanly on SIGINT/SIGTERM.
 */
export async function start(options: StartOptions = {}): Promise<void> {
  const { app, logger } = bootstrap(options.overrides);
  logSummarySetup(app.config, logger);
  const adapters = await platformAdapters(app);
  if (adapters.length === 0) {
    try {
      await runRepl(app, { input: process.stdin, output: process.stdout }, options.lang);
    } finally {
      app.close();
    }
    return;
  }
  let stopping = false;
  let ticker: Ticker | undefined;
  let health: HealthServer | undefined;
  let feed: HealthServer | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking new work, then let posts in flight finish — bounded, so a hung platform
    // cannot hold a `docker stop` past its grace period. Anything cut off here is a claimed
    // row the next start repairs (look for the post, then record or retry).
    ticker?.stop();
    const finished = await withDeadline(
      app.idle().then(() => true),
      SHUTDOWN_GRACE_MS,
      () => false,
    );
    if (!finished) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'shutting down with scheduled work still in flight; the next start repairs it');
    await Promise.allSettled([...adapters.map((adapter) => adapter.stop()), health?.close(), feed?.close()]);
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const started: typeof adapters = [];
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
      app.adapters.set(adapter.platform, adapter);
      logger.info({ platform: adapter.platform }, 'adapter started');
    }
    // Listening before the first tick: a probe then hears "not ticked yet" (503), not a refused connection.
    const healthPort = app.config.healthPort;
    if (healthPort !== undefined) health = await startHealthServer(healthServerOptions(app, adapters, healthPort));
    if (app.config.feedPort !== undefined) feed = await startHealthServer(feedServerOptions(app, adapters, app.config.feedPort));
    // Scheduled work starts once every platform can post: catch-up now, then every minute.
    ticker = startTicker(() => app.tick(), logger);
  } catch (error) {
    // One platform failed to start (a bad token) or a port was taken: log out of the others, close what listens, close the database.
    await Promise.allSettled([...started.map((adapter) => adapter.stop()), health?.close()]);
    app.close();
    throw error;
  }
}

/** What HEALTH_PORT serves: GET /health, the features' routes and GET /metrics (kept off Slack's public server). */
export function healthServerOptions(app: App, adapters: Parameters<typeof healthCheck>[1], port: number): HealthServerOptions {
  return { port, check: healthCheck(app, adapters), routes: [...app.routes, app.metrics.route], logger: app.logger };
}

/** What FEED_PORT serves: the features' routes (the calendar feed) and GET /health — never /metrics, as on Slack's public server. */
export function feedServerOptions(app: App, adapters: Parameters<typeof healthCheck>[1], port: number): HealthServerOptions {
  return { port, check: healthCheck(app, adapters), routes: app.routes, logger: app.logger, portName: 'FEED_PORT' };
}

/** One line at start on where summaries go, so a placeholder key or a wrong server is visible at once. */
function logSummarySetup(config: Config, logger: Logger): void {
  const summary = config.summary;
  if (!summary) {
    logger.info('summaries off: set OPENAI_API_KEY or OPENAI_BASE_URL to turn /summarize on');
    return;
  }
  logger.info(
    { model: summary.model, baseURL: summary.baseURL ?? 'https://api.openai.com/v1', dailyTokens: summary.dailyTokens, cooldownSeconds: summary.cooldownSeconds },
    summary.placeholderKey ? 'summaries on; OPENAI_API_KEY is not set, so a placeholder key is sent (fine for Ollama, vLLM, llama.cpp)' : 'summaries on',
  );
}
