import { createRequire } from 'node:module';
import type { HttpRoute } from './core/feature.js';
import type { ObservedEvent, Observer } from './core/observe.js';

/**
 * The bot's Prometheus metrics (GET /metrics). The only file that knows
 * prom-client: the core and the features report plain events through an
 * Observer (src/core/observe.ts) and this turns them into series. Each app
 * has a registry of its own, not prom-client's global one, so two apps in one
 * test process never share counts. The README (Hosting → Metrics) lists each
 * metric; keep the two in step.
 */
export interface Metrics {
  /** Hand to DispatchServices.observe and FeatureHost.observe. */
  observe: Observer;
  /** The exposition in Prometheus' text format. */
  text(): Promise<string>;
  contentType: string;
  /** GET /metrics, served on the bot's HTTP server beside /health. */
  route: HttpRoute;
}

/** Seconds: a post on the minute's tick is ~0–60 s late; an outage or a retry ladder makes it minutes to hours. */
const LAG_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600];
/** Seconds: a chat API answers in tens to hundreds of ms; the call deadline is 30 s. */
const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const requireModule = createRequire(import.meta.url);

export function createMetrics(): Metrics {
  // Required here rather than imported: the one-shot CLI builds the app without metrics
  // (notCounted below) and should not load prom-client to answer one command.
  const { Counter, Histogram, Registry } = requireModule('prom-client') as typeof import('prom-client');
  const registry = new Registry();
  const commands = new Counter({
    name: 'yomikai_commands_total',
    help: 'Commands answered, by registered command name (unknown for a name not registered) and outcome: ok, user-error, failed.',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const scheduled = new Counter({
    name: 'yomikai_scheduled_posts_total',
    help: 'Scheduled posts by kind (round, reveal, reminder) and outcome (posted, failed, found-after-crash, abandoned).',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'yomikai_scheduler_lag_seconds',
    help: 'From when a scheduled post was due to when it was recorded posted, by kind.',
    labelNames: ['kind'],
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  const calls = new Histogram({
    name: 'yomikai_platform_call_seconds',
    help: 'Duration of the scheduler\'s chat platform calls, by platform, call (post, edit, find) and result (ok, failed: an error or no answer within the deadline).',
    labelNames: ['platform', 'call', 'result'],
    buckets: CALL_BUCKETS,
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'yomikai_llm_tokens_total',
    help: 'LLM tokens charged against the daily summary budget (the reported usage; the worst case when a failed call\'s cost is unknown).',
    registers: [registry],
  });

  const observe = (event: ObservedEvent): void => {
    switch (event.type) {
      case 'command':
        commands.inc({ command: event.command, outcome: event.status });
        return;
      case 'scheduled-post':
        scheduled.inc({ kind: event.kind, outcome: event.outcome });
        if (event.lagSeconds !== undefined) lag.observe({ kind: event.kind }, event.lagSeconds);
        return;
      case 'platform-call':
        calls.observe({ platform: event.platform, call: event.call, result: event.ok ? 'ok' : 'failed' }, event.seconds);
        return;
      case 'llm-tokens':
        if (event.tokens > 0) tokens.inc(event.tokens);
        return;
    }
  };
  const text = () => registry.metrics();
  return {
    observe,
    text,
    contentType: registry.contentType,
    route: {
      method: 'GET',
      path: '/metrics',
      async handle(_request, response) {
        const body = await text();
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(body);
      },
    },
  };
}

/** For one command and exit (`yomikai ask`): nothing is counted and nothing serves /metrics. */
export function notCounted(): Metrics {
  const contentType = 'text/plain; version=0.0.4; charset=utf-8';
  return {
    observe: () => undefined,
    text: () => Promise.resolve(''),
    contentType,
    route: {
      method: 'GET',
      path: '/metrics',
      handle(_request, response) {
        response.writeHead(404, { 'content-type': contentType });
        response.end('not counted in a one-shot run\n');
      },
    },
  };
}
