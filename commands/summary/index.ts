import type { Command, CommandContext } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { UserError } from '../../src/core/errors.js';
import { placeKey } from '../../src/core/invocation.js';
import { QUERY_MAX_LENGTH } from '../../src/core/paging.js';
import { LANGS, type Lang } from '../../src/i18n/index.js';
import { lookup } from '../../src/present/lookup.js';
import { KINDS_FOR } from '../../src/present/kinds.js';
import { formatNumber } from '../../src/present/format.js';
import { LENGTHS, type SummaryLength } from '../../src/summary/prompt.js';
import { summaryReply } from '../../src/summary/reply.js';
import type { SearchHit } from '../../src/catalog/search/index.js';
import type { SummaryServices } from '../../src/summary/feature.js';

const KINDS = KINDS_FOR.any;

/**
 * "usage" in the entry option is the managers' view of today's tokens. It is
 * a reserved word, not an entry (a catalog test keeps it that way), which
 * keeps `/summarize X3D` a single option instead of a `/summarize entry …` verb.
 */
const USAGE_WORD = 'usage';

function asksForUsage(options: Readonly<Record<string, unknown>>): boolean {
  return typeof options.entry === 'string' && options.entry.trim().toLowerCase() === USAGE_WORD;
}

/** /summarize <entry> [language] [length]: an LLM summary grounded in the catalog entry, or the entry's own note. */
export default {
  name: 'summarize',
  description: 'cmd.summarize.description',
  example: 'cmd.summarize.example',
  options: [
    { name: 'entry', type: 'string', description: 'cmd.summarize.entry', required: true, maxLength: QUERY_MAX_LENGTH, autocomplete: 'any' },
    { name: 'language', type: 'string', description: 'cmd.summarize.language', maxLength: 2, choices: LANGS.map((value) => ({ value, label: value })) },
    { name: 'length', type: 'string', description: 'cmd.summarize.length', maxLength: 10, choices: LENGTHS.map((value) => ({ value, label: value })) },
  ],
  needsManagerFor: asksForUsage,
  async execute(options, context): Promise<Reply> {
    const zone = context.settings.get(placeKey(context.place)).timezone ?? context.defaults.timezone;
    if (asksForUsage(options)) return usageReply(context, zone);
    const found = resolveEntry(String(options.entry), context);
    const lang = (options.language as Lang | undefined) ?? context.lang;
    const length = (options.length as SummaryLength | undefined) ?? 'short';
    const outcome = await context.summary.summarize({ found, lang, length, place: context.place, actor: context.actor, zone });
    return summaryReply(found, outcome, lang, { ...context, zone });
  },
} satisfies Command<SummaryServices>;

/** The entry option only selects a catalog entry: the same search and "did you mean" as /model. */
function resolveEntry(query: string, { catalog, lang, naming }: CommandContext<SummaryServices>) {
  const result = lookup(catalog, query, KINDS);
  const hit: SearchHit | undefined = 'one' in result ? result.one : 'many' in result ? undefined : catalog.search.best(query);
  const found = hit && catalog.get(hit.id);
  if (found) return found;
  const candidates = 'many' in result ? result.many : catalog.search.suggest(query);
  const suggestions = candidates.slice(0, 3).map((h) => `${naming.slash('summarize')} ${catalog.displayName(h.id, lang)}`);
  if (suggestions.length === 0) throw new UserError('error.notFoundNoSuggestion', { command: 'summarize', query });
  throw new UserError('error.notFound', { command: 'summarize', query }, suggestions);
}

function usageReply({ summary, place, t, lang }: CommandContext<SummaryServices>, zone: string): Reply {
  if (!summary.enabled) return { kind: 'summary', title: t('summary.usage.title', { date: '—', zone }), text: t('summary.usage.off'), ephemeral: true };
  const usage = summary.usageToday(place, zone);
  return {
    kind: 'summary',
    title: t('summary.usage.title', { date: usage.date, zone }),
    text: t('summary.usage.text', { tokens: formatNumber(usage.tokens, lang), cap: formatNumber(usage.cap, lang), model: summary.model ?? '' }),
    ephemeral: true,
  };
}
