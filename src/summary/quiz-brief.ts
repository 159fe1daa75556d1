import type { Catalog } from '../catalog/catalog.js';
import type { Place } from '../core/invocation.js';
import type { Logger } from '../core/logger.js';
import { clip } from '../core/text.js';
import { translator } from '../i18n/index.js';
import type { RevealBriefs } from '../quiz/briefs.js';
import type { SummaryService } from './service.js';

/**
 * The quiz's use of summaries (the RevealBriefs the quiz asks for): when a
 * round is posted, a short summary of its source entry is asked for in the
 * background (within the place's daily cap); at the reveal, whatever the
 * cache holds by then is added. With summaries off there are no briefs.
 */
/** Discord holds 1024 characters in a field; the machine-written line needs some of them. */
const MAX_BRIEF_CHARS = 800;

export function revealBriefs(summary: SummaryService, catalog: Catalog, zoneOf: (place: Place) => string, logger: Logger): RevealBriefs | undefined {
  if (!summary.enabled) return undefined;
  return {
    prepare(round) {
      const found = catalog.get(round.question.source);
      if (!found) return;
      const place: Place = { platform: round.platform, scope: round.scope, channel: round.channel };
      const request = { found, lang: round.lang, length: 'short' as const, place, actor: { id: 'yomikai-quiz' }, zone: zoneOf(place), skipCooldown: true };
      // The service turns every failure into a fallback; this catch only guards against our own bugs.
      summary.summarize(request).catch((error: unknown) => logger.warn({ err: error, round: round.id }, 'quiz: brief not prepared'));
    },
    brief(round) {
      const found = catalog.get(round.question.source);
      const cached = found && summary.cached(found, round.lang, 'short');
      if (!cached) return undefined;
      const t = translator(round.lang);
      return { title: t('summary.quizBrief'), text: `${clip(cached.text, MAX_BRIEF_CHARS)}\n${t('summary.machineWritten', { model: cached.model })}` };
    },
  };
}
