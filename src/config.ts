import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LANGS } from './i18n/index.js';
import { isTimeZone } from './core/timezone.js';
import { DEFAULT_OFFSETS, parseOffsets } from './reading/offsets.js';
import { FAULT_STEPS, type FaultStep } from './schedule/fault.js';
import type { SummaryConfig } from './summary/config.js';

export type { SummaryConfig };

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
  YOMIKAI_QUIZ_DIR: z.string().min(1).default(resolve(PACKAGE_ROOT, 'data/quiz')),
  YOMIKAI_LANG: z.enum(LANGS).default('en'),
  YOMIKAI_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'an IANA time zone such as Asia/Tokyo or Europe/Berlin')
    .default('UTC'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,25}$/, 'the numeric application id from the Developer Portal').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,25}$/, 'a numeric server (guild) id').optional(),
  DISCORD_API_URL: z.url('a URL such as http://localhost:8080/api').optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional(),
  SLACK_COMMAND_PREFIX: z.string().regex(/^[a-z0-9_-]{0,10}$/, 'up to 10 lower-case letters, digits, "-" or "_", e.g. yk-').default(''),
  SLACK_API_URL: z.url('a URL such as https://slack.com/api/').optional(),
  // Read as text here and checked only when Slack's HTTP mode uses it: a PORT set by a
  // hosting platform for something else must not stop the console or the CLI.
  PORT: z.string().optional(),
  // The bot's own health server (every platform mode); unset, there is none.
  HEALTH_PORT: z
    .string()
    .refine((text) => /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535, 'a TCP port between 1 and 65535, e.g. 8081')
    .transform(Number)
    .optional(),
  // The calendar feed's own HTTP server (only the features' routes and /health, never /metrics): for
  // a bot that has neither HEALTH_PORT nor Slack's HTTP server, or to keep /metrics off the public one.
  FEED_PORT: z
    .string()
    .refine((text) => /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535, 'a TCP port between 1 and 65535, e.g. 8082')
    .transform(Number)
    .optional(),
  // How people reach the bot's HTTP server from outside (behind a proxy): feed addresses start with it.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL such as https://yomikai.example.org' })
    .refine((url) => !/[?#]/.test(url), 'an http(s) URL without ? or # (feed addresses are added to its path)')
    .optional(),
  // Nightly backups in the running bot: a folder turns them on; unset, there are none.
  YOMIKAI_BACKUP_DIR: z.string().min(1).optional(),
  YOMIKAI_BACKUP_KEEP: z.coerce.number().int('a whole number of backups').min(1, 'at least 1').max(365, 'at most 365').optional(),
  QUIZ_GRACE_MINUTES: z.coerce.number().int().min(0, 'whole minutes from 0').max(1440, 'at most 1440 (a day)').default(120),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1' }).optional(),
  OPENAI_MODEL: z.string().regex(/^\S{1,200}$/, 'a model name without spaces, e.g. gpt-4o-mini or llama3.2').default('gpt-4o-mini'),
  SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100, 'milliseconds, at least 100').max(300_000, 'at most 300000 (5 minutes)').default(20_000),
  SUMMARY_MAX_RETRIES: z.coerce.number().int().min(0, 'a whole number from 0').max(2, 'at most 2').default(1),
  SUMMARY_DAILY_TOKENS: z.coerce.number().int().min(0, 'whole tokens from 0').max(100_000_000, 'at most 100000000').default(50_000),
  SUMMARY_COOLDOWN_SECONDS: z.coerce.number().int().min(0, 'whole seconds from 0').max(86_400, 'at most 86400 (a day)').default(30),
  // For crash tests only: the process dies hard (SIGKILL) right after this step of scheduled work.
  YOMIKAI_FAULT_EXIT_AFTER: z.enum(FAULT_STEPS).optional(),
  READING_REMINDERS: z
    .string()
    .default('24h,1h,0')
    .refine((value) => offsetsOrUndefined(value) !== undefined, 'up to 6 times before a session such as 24h,1h,30m,0 (0 = at the start)'),
});

/** Sent as the key to a server that needs none (Ollama, vLLM): the openai client refuses to start without one. */
export const PLACEHOLDER_API_KEY = 'yomikai-no-key';

export interface Config {
  /** SQLite file (created on first use) or ":memory:". */
  dbPath: string;
  catalogDir: string;
  /**
   * Where the parsed catalog YAML is kept between starts (src/catalog/yaml-cache.ts):
   * node_modules/.cache/yomikai in the installed package, the usual home of tools' caches.
   */
  catalogCacheDir?: string;
  /** Folder of curated quiz questions (data/quiz/*.yaml); missing or empty means fact questions only. */
  quizDir: string;
  defaultLang: (typeof LANGS)[number];
  defaultTimezone: string;
  /** A quiz round missed while the bot was down is still posted this many minutes late; later, that day is skipped. */
  quizGraceMinutes: number;
  /** When reading-session reminders go out where a channel has not chosen (minutes before the start). */
  readingReminderOffsets: number[];
  /** Crash tests: the step of scheduled work after which the process kills itself (never set in production). */
  faultExitAfter?: FaultStep;
  /** Undefined when not set, so each front end can pick its own quiet default. */
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  /** Set when DISCORD_TOKEN is: the Discord adapter runs. */
  discord?: { token: string; applicationId: string; guildId?: string; apiUrl?: string };
  /** Set when SLACK_BOT_TOKEN is: the Slack adapter runs (Socket Mode when an app token is given). */
  slack?: { botToken: string; signingSecret?: string; appToken?: string; port: number; commandPrefix: string; apiUrl?: string };
  /** YOMIKAI_BACKUP_DIR / _KEEP: the running bot backs the database up each night into `dir`, keeping the newest `keep`. */
  backup?: { dir: string; keep: number };
  /** HEALTH_PORT: the running bot serves GET /health (and the features' routes) there. */
  healthPort?: number;
  /** FEED_PORT: a server for the features' routes (the calendar feed) and /health only — no /metrics. */
  feedPort?: number;
  /** PUBLIC_URL: the bot's HTTP server as the outside world reaches it; calendar feed addresses start with it. */
  publicUrl?: string;
  /** Set when OPENAI_API_KEY or OPENAI_BASE_URL is: /summarize asks a model. */
  summary?: SummaryConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the config from `env` (process.env by default) with command-line
 * `overrides` on top (`--db`); blank values count as unset.
 */
export function loadConfig(
  overrides: Readonly<Record<string, string | undefined>> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const merged = { ...env, ...overrides };
  const present = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value.trim() !== ''));
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
  const problems = [...discordProblems(parsed), ...slackProblems(parsed), ...backupProblems(parsed), ...feedProblems(parsed)];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...platforms(parsed),
    ...summary(parsed),
    dbPath: parsed.YOMIKAI_DB === ':memory:' ? ':memory:' : resolve(parsed.YOMIKAI_DB),
    catalogDir: resolve(parsed.YOMIKAI_CATALOG_DIR),
    catalogCacheDir: resolve(PACKAGE_ROOT, 'node_modules/.cache/yomikai'),
    quizDir: resolve(parsed.YOMIKAI_QUIZ_DIR),
    defaultLang: parsed.YOMIKAI_LANG,
    defaultTimezone: parsed.YOMIKAI_TIMEZONE,
    quizGraceMinutes: parsed.QUIZ_GRACE_MINUTES,
    readingReminderOffsets: offsetsOrUndefined(parsed.READING_REMINDERS) ?? [...DEFAULT_OFFSETS],
    logLevel: parsed.LOG_LEVEL,
    ...(parsed.YOMIKAI_BACKUP_DIR ? { backup: { dir: resolve(parsed.YOMIKAI_BACKUP_DIR), keep: parsed.YOMIKAI_BACKUP_KEEP ?? DEFAULT_BACKUP_KEEP } } : {}),
    ...(parsed.HEALTH_PORT !== undefined ? { healthPort: parsed.HEALTH_PORT } : {}),
    ...(parsed.FEED_PORT !== undefined ? { feedPort: parsed.FEED_PORT } : {}),
    ...(parsed.PUBLIC_URL ? { publicUrl: parsed.PUBLIC_URL } : {}),
    ...(parsed.YOMIKAI_FAULT_EXIT_AFTER ? { faultExitAfter: parsed.YOMIKAI_FAULT_EXIT_AFTER } : {}),
  };
}

type Parsed = z.infer<typeof envSchema>;

function discordProblems(env: Parsed): string[] {
  if (!env.DISCORD_TOKEN) {
    return env.DISCORD_APPLICATION_ID || env.DISCORD_GUILD_ID ? ['DISCORD_TOKEN is not set: set it too, or unset the other DISCORD_ variables.'] : [];
  }
  return env.DISCORD_APPLICATION_ID ? [] : ['DISCORD_APPLICATION_ID is not set: the bot needs its application id (Developer Portal → General Information).'];
}

const DEFAULT_BACKUP_KEEP = 7;

function backupProblems(env: Parsed): string[] {
  if (!env.YOMIKAI_BACKUP_DIR) return env.YOMIKAI_BACKUP_KEEP !== undefined ? ['YOMIKAI_BACKUP_KEEP is set but YOMIKAI_BACKUP_DIR is not: set the folder for nightly backups too, or unset YOMIKAI_BACKUP_KEEP.'] : [];
  return env.YOMIKAI_DB === ':memory:' ? ['YOMIKAI_BACKUP_DIR is set but YOMIKAI_DB is ":memory:": there is no file to back up; unset YOMIKAI_BACKUP_DIR or name a database file.'] : [];
}

/** A running bot with PUBLIC_URL needs an HTTP server to serve the feed at it, on a port of its own. */
function feedProblems(env: Parsed): string[] {
  const slackHttp = Boolean(env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET);
  const slackPort = slackHttp ? parsePort(env.PORT) : undefined;
  if (env.FEED_PORT !== undefined && (env.FEED_PORT === env.HEALTH_PORT || env.FEED_PORT === slackPort)) {
    return [`FEED_PORT=${env.FEED_PORT} is already used by ${env.FEED_PORT === env.HEALTH_PORT ? 'HEALTH_PORT' : "Slack's HTTP server (PORT)"}: the feed is served there already; unset FEED_PORT or choose another port.`];
  }
  const platform = Boolean(env.DISCORD_TOKEN || env.SLACK_BOT_TOKEN);
  if (env.PUBLIC_URL && platform && env.HEALTH_PORT === undefined && env.FEED_PORT === undefined && !slackHttp) {
    return ['PUBLIC_URL is set but no HTTP server would serve the calendar feed: set FEED_PORT (e.g. 8082) and send PUBLIC_URL\'s /reading/feed/ paths to it, or set HEALTH_PORT.'];
  }
  return [];
}

function slackProblems(env: Parsed): string[] {
  if (!env.SLACK_BOT_TOKEN) {
    return env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN ? ['SLACK_BOT_TOKEN is not set: set it too, or unset the other SLACK_ variables.'] : [];
  }
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    return ['SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is not set: Slack needs one of them with SLACK_BOT_TOKEN.'];
  }
  if (env.SLACK_SIGNING_SECRET && env.PORT !== undefined && parsePort(env.PORT) === undefined) {
    return [`PORT=${JSON.stringify(env.PORT)} is not valid: expected a TCP port between 1 and 65535, e.g. 3000.`];
  }
  return [];
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  return /^\d{1,5}$/.test(text) && port >= 1 && port <= 65535 ? port : undefined;
}

const DEFAULT_PORT = 3000;

/** Only the platforms whose tokens are present, without undefined holes. */
function platforms(env: Parsed): Pick<Config, 'discord' | 'slack'> {
  const result: Pick<Config, 'discord' | 'slack'> = {};
  if (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) {
    result.discord = {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    };
  }
  if (env.SLACK_BOT_TOKEN) {
    result.slack = {
      botToken: env.SLACK_BOT_TOKEN,
      port: parsePort(env.PORT) ?? DEFAULT_PORT,
      commandPrefix: env.SLACK_COMMAND_PREFIX,
      ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    };
  }
  return result;
}

/** Summaries are on when a key or a server is named; a local server needs no real key. */
function summary(env: Parsed): Pick<Config, 'summary'> {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return {};
  return {
    summary: {
      apiKey: env.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY,
      placeholderKey: !env.OPENAI_API_KEY,
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
      model: env.OPENAI_MODEL,
      timeoutMs: env.SUMMARY_TIMEOUT_MS,
      maxRetries: env.SUMMARY_MAX_RETRIES,
      dailyTokens: env.SUMMARY_DAILY_TOKENS,
      cooldownSeconds: env.SUMMARY_COOLDOWN_SECONDS,
    },
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

function offsetsOrUndefined(value: string): number[] | undefined {
  try {
    return parseOffsets(value);
  } catch {
    return undefined;
  }
}
