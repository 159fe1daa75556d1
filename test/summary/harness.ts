import { testApp, replyText } from '../helpers/app.js';
import type { App } from '../../src/app.js';
import type { Clock } from '../../src/core/clock.js';
import { dispatch, type DispatchResult } from '../../src/core/dispatch.js';
import type { Place } from '../../src/core/invocation.js';
import type { FakeOpenAI } from '../fakes/openai.js';
import { worstCaseTokens } from '../../src/summary/budget.js';
import { entryFacts } from '../../src/summary/facts.js';
import { buildMessages, MAX_OUTPUT_TOKENS, type SummaryLength } from '../../src/summary/prompt.js';
import type { Lang } from '../../src/i18n/index.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { loadConfig } from '../../src/config.js';

export const PLACE: Place = { platform: 'discord', scope: 'guild-1', channel: 'channel-1' };

/**
 * The real app with summaries pointed at the fake server: no retries and no
 * cooldown unless a test sets them. The timeout is generous for a busy test
 * machine; the slow-mode test sets a short one of its own.
 */
export function summaryApp(fake: FakeOpenAI, overrides: Record<string, string> = {}, clock?: Clock): App {
  return testApp(
    {
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'test-key',
      OPENAI_MODEL: 'fake-model',
      SUMMARY_TIMEOUT_MS: '10000',
      SUMMARY_MAX_RETRIES: '0',
      SUMMARY_COOLDOWN_SECONDS: '0',
      ...overrides,
    },
    clock,
  );
}

/** /summarize as one person in one place would run it (options as a platform delivers them). */
export async function summarize(
  app: App,
  options: Record<string, string>,
  who: { actor?: string; place?: Place } = {},
): Promise<DispatchResult> {
  return dispatch(
    { command: 'summarize', options, actor: { id: who.actor ?? 'reader-1', name: 'Reader' }, place: who.place ?? PLACE, lang: 'en' },
    app,
  );
}

let catalog: Catalog | undefined;

/** The tokens the service reserves before asking for one entry's summary (its worst case). */
export function worstCaseOf(entryId: string, lang: Lang = 'en', length: SummaryLength = 'short'): number {
  catalog ??= loadCatalog(loadConfig({}, {}).catalogDir);
  const found = catalog.get(entryId);
  if (!found) throw new Error(`no catalog entry ${entryId}`);
  return worstCaseTokens(buildMessages(entryFacts(found, catalog), lang, length), MAX_OUTPUT_TOKENS[length]);
}

/** The worst case of a request the fake received, from its own messages and max_tokens. */
export function worstCaseOfRequest(body: { messages: Array<{ role: 'system' | 'user'; content: string }>; max_tokens: number }): number {
  return worstCaseTokens(body.messages, body.max_tokens);
}

export { replyText };
