import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from './config.js';
import { isLang, translator, type Lang } from './i18n/index.js';
import { DbUsageError, runDbCommand } from './store/db-cli.js';
import { systemClock } from './core/clock.js';

// Each verb imports what it needs when it runs: `db backup` from cron or `catalog check`
// in CI does not load the whole app (the chat SDKs, chrono-node, openai) to do its work.

const USAGE = `Usage:
  yomikai [start] [--db PATH] [--lang ja|en]     start the bot (console chat when no tokens are set)
  yomikai ask "/model X3D" [--json] [--lang ja|en] [--db PATH]
                                                  run one command, print the reply, exit
  yomikai catalog check [--dir PATH]              validate data/catalog and print counts
  yomikai quiz bank --check [--dir PATH]          validate the quiz bank (data/quiz + catalog facts), print counts
  yomikai quiz bank --json [--dir PATH]           print every question of the bank as JSON
  yomikai db backup [PATH] [--db PATH]            copy the database safely while the bot runs (default: a dated file beside it)
  yomikai db check [--db PATH]                    integrity check, schema version and row counts of the database
  yomikai doctor [--db PATH]                      check tokens, commands, channels, database, catalog, zones, LLM
  yomikai --help

Exit codes: 0 ok, 1 the command reported a problem (unknown name, bad option, a failed db check),
2 bad usage, configuration, catalog or database file, 70 an internal error.`;

class UsageError extends Error {}

/** The `yomikai` command line. Returns the exit code. */
export async function runCli(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      db: { type: 'string' },
      dir: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const lang = parseLang(values.lang);
  const overrides = values.db ? { YOMIKAI_DB: values.db } : {};
  const [verb = 'start', ...rest] = positionals;
  switch (verb) {
    case 'start': {
      const { start } = await import('./start.js');
      await start({ overrides, ...(lang ? { lang } : {}) });
      return 0;
    }
    case 'ask':
      return ask(rest, { json: Boolean(values.json), lang, overrides }, out, err);
    case 'catalog':
      if (rest[0] !== 'check') throw new UsageError(`Unknown "catalog ${rest[0] ?? ''}". Did you mean "yomikai catalog check"?`);
      return catalogCheck(values.dir, out);
    case 'quiz':
      return quizBank(rest, values, out, err);
    case 'doctor': {
      if (rest.length > 0) throw new UsageError('doctor takes no arguments.');
      const { runDoctor } = await import('./doctor/run.js');
      return runDoctor(loadConfig(overrides), out);
    }
    case 'db': {
      // The migrations are every feature's, listed by the app.
      const { allMigrations } = await import('./app.js');
      return runDbCommand(rest, loadConfig(overrides).dbPath, allMigrations(), systemClock, out);
    }
    default:
      throw new UsageError(`Unknown command "${verb}".`);
  }
}

async function ask(
  words: string[],
  options: { json: boolean; lang: Lang | undefined; overrides: Record<string, string | undefined> },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const line = words.join(' ').trim();
  if (line === '') throw new UsageError('ask needs a command, e.g. yomikai ask "/model X3D".');
  const [{ bootstrap }, { ConsoleSession }, { renderText }, { writeAttachments }] = await Promise.all([
    import('./bootstrap.js'),
    import('./adapters/console/session.js'),
    import('./adapters/console/render.js'),
    import('./adapters/console/attachments.js'),
  ]);
  const { app } = bootstrap(options.overrides, true, { oneShot: true });
  try {
    // The bank is read on first use here (src/quiz/bank/bank.ts); a /quiz command reads it
    // first, so a broken bank is reported with its file:line problems like at start-up.
    if (/^\/?quiz(\s|$)/i.test(line)) void app.quiz.bank.questions;
    const outcome = await new ConsoleSession(app, options.lang).handle(line.startsWith('/') ? line : `/${line}`);
    if (outcome.type !== 'result') throw new UsageError(`"${line}" is not a command. Try yomikai ask "/help".`);
    const { result } = outcome;
    if (options.json) out.write(`${JSON.stringify({ status: result.status, lang: result.lang, reply: result.reply }, null, 2)}\n`);
    else {
      const files = writeAttachments(result.reply, translator(result.lang));
      (result.status === 'ok' ? out : err).write(`${[renderText(result.reply), ...files].join('\n')}\n`);
    }
    return result.status === 'ok' ? 0 : result.status === 'user-error' ? 1 : 70;
  } finally {
    app.close();
  }
}

async function catalogCheck(dir: string | undefined, out: NodeJS.WritableStream): Promise<number> {
  const { loadCatalog } = await import('./catalog/load.js');
  const config = loadConfig();
  const catalogDir = dir ? resolve(dir) : config.catalogDir;
  // The check is the same with or without the cache (it keeps only parser output); a check
  // in an image build leaves the cache warm for the first start.
  const catalog = loadCatalog(catalogDir, config.catalogCacheDir ? { cacheDir: config.catalogCacheDir } : {});
  const counts = catalog.counts();
  out.write(
    `Catalog OK (${catalogDir}):\n` +
      `  models and methods: ${counts.model}\n  datasets: ${counts.dataset}\n  concepts: ${counts.concept}\n` +
      `  sections: ${counts.topic}\n  tasks: ${counts.task}\n`,
  );
  return 0;
}

async function quizBank(words: string[], flags: { check?: boolean; json?: boolean; dir?: string }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (words[0] !== 'bank' || words.length > 1) throw new UsageError(`Unknown "quiz ${words.join(' ')}". Did you mean "yomikai quiz bank --check"?`);
  if (flags.check === flags.json) throw new UsageError('quiz bank needs exactly one of --check or --json.');
  const { runQuizBankCommand } = await import('./quiz/bank/check-cli.js');
  const config = loadConfig();
  const quizDir = flags.dir ? resolve(flags.dir) : config.quizDir;
  return runQuizBankCommand({ mode: flags.check ? 'check' : 'json', quizDir, catalogDir: config.catalogDir }, out, err);
}

function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (!isLang(value)) throw new UsageError(`--lang must be ja or en, not "${value}".`);
  return value;
}

/** Runs the CLI as a program: messages for expected problems, a stack only for bugs. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await runCli(argv);
  } catch (error) {
    const { explainStartupError } = await import('./bootstrap.js');
    const known = explainStartupError(error);
    if (error instanceof UsageError || error instanceof DbUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (known) {
      process.stderr.write(`${known}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    }
  }
}
