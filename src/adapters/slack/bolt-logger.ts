import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/**
 * Bolt's own logs (signature failures, unhandled requests, socket reconnects)
 * go through our pino logger, so one LOG_LEVEL and one format cover both.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = boltLevel(logger.level);
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const err = parts.find((part): part is Error => part instanceof Error);
    const text = parts
      .filter((part) => !(part instanceof Error))
      .map((part) => (typeof part === 'string' ? part : safeJson(part)))
      .join(' ');
    if (err) child[method]({ err }, text || err.message);
    else child[method](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function boltLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === 'debug' || pinoLevel === 'trace') return LogLevel.DEBUG;
  if (pinoLevel === 'info') return LogLevel.INFO;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
