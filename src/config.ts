import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LANGS } from './i18n/index.js';
import { isTimeZone } from './core/timezone.js';

/**
 * Every environment variable yomikai reads, parsed and validated here and
 * nowhere else. A bad value stops start-up with the variable's name and what
 * it expects.
 */

/** The installed package's root, found from this file so `npx yomikai` works from any directory. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  YOMIKAI_DB: z.string().min(1).default('yomikai.db'),
  YOMIKAI_CATALOG_DIR: z.string().min(1).default(resolve(PACKAGE_ROOT, 'data/catalog')),
  YOMIKAI_LANG: z.enum(LANGS).default('en'),
  YOMIKAI_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'an IANA time zone such as Asia/Tokyo or Europe/Berlin')
    .default('UTC'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
});

export interface Config {
  /** SQLite file (created on first use) or ":memory:". */
  dbPath: string;
  catalogDir: string;
  defaultLang: (typeof LANGS)[number];
  defaultTimezone: string;
  /** Undefined when not set, so each front end can pick its own quiet default. */
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the config from `env` (process.env by default); blank values count as unset. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(present[name])} is not valid: expected ${issue.message}.`;
      }),
    );
  }
  const parsed = result.data;
  return {
    dbPath: parsed.YOMIKAI_DB === ':memory:' ? ':memory:' : resolve(parsed.YOMIKAI_DB),
    catalogDir: resolve(parsed.YOMIKAI_CATALOG_DIR),
    defaultLang: parsed.YOMIKAI_LANG,
    defaultTimezone: parsed.YOMIKAI_TIMEZONE,
    logLevel: parsed.LOG_LEVEL,
  };
}

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(resolve(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}
