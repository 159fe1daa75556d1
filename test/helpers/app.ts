import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Clock } from '../../src/core/clock.js';
import { ConsoleSession } from '../../src/adapters/console/session.js';
import type { DispatchResult } from '../../src/core/dispatch.js';
import type { Lang } from '../../src/i18n/index.js';

/** The real app on the real catalog, with an in-memory database and no environment leaking in. */
export function testApp(overrides: Record<string, string> = {}, clock?: Clock): App {
  return createApp(loadConfig({ YOMIKAI_DB: ':memory:', ...overrides }, {}), silentLogger(), clock);
}

/** Runs one typed command line the way the console does and returns the dispatch result. */
export async function run(app: App, line: string, lang: Lang = 'en'): Promise<DispatchResult> {
  const outcome = await new ConsoleSession(app, lang).handle(line);
  if (outcome.type !== 'result') throw new Error(`"${line}" produced ${outcome.type}`);
  return outcome.result;
}

/** All visible text of a reply, for "does it mention X" assertions. */
export function replyText(result: DispatchResult): string {
  const { reply } = result;
  return [reply.title, reply.text, ...(reply.fields ?? []).flatMap((f) => [f.name, f.value]), reply.footer, ...(reply.links ?? []).map((l) => l.url)]
    .filter(Boolean)
    .join('\n');
}
