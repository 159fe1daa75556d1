import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs go to stderr, so stdout stays for what the user asked for
 * (the console chat, `yomikai ask` output, `--json`).
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'yomikai' } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests that don't look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
