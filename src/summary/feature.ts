import type { FeatureModule } from '../core/feature.js';
import { placeKey, type Place } from '../core/invocation.js';
import type { Completer } from './client.js';
import type { SummaryConfig } from './config.js';
import { summaryMigrations } from './migrations.js';
import { revealBriefs } from './quiz-brief.js';
import { SummaryService } from './service.js';
import { SummaryCacheStore } from './store/cache.js';
import { SummaryUsageStore } from './store/usage.js';

/** What /summarize finds in its context. */
export interface SummaryServices {
  summary: SummaryService;
}

export interface SummaryOptions {
  /** Undefined: summaries are off (no model configured). */
  config: SummaryConfig | undefined;
  /** The model call; the openai SDK unless a test hands in its own. */
  completer?: Completer;
}

/** Optional LLM summaries of catalog entries, cached and budgeted; also the quiz's reveal briefs. */
export const summaryFeature = {
  name: 'summary',
  migrations: summaryMigrations,
  create(host, options) {
    const summary = new SummaryService({
      config: options.config,
      cache: new SummaryCacheStore(host.db),
      usage: new SummaryUsageStore(host.db),
      catalog: host.catalog,
      clock: host.clock,
      logger: host.logger,
      ...(options.completer ? { completer: options.completer } : {}),
      ...(host.observe ? { observe: host.observe } : {}),
    });
    const zoneOf = (place: Place) => host.settings.get(placeKey(place)).timezone ?? host.defaults.timezone;
    return {
      name: 'summary',
      services: { summary },
      /** For the quiz's reveals; undefined when summaries are off. */
      briefs: revealBriefs(summary, host.catalog, zoneOf, host.logger),
    };
  },
} satisfies FeatureModule<SummaryServices, SummaryOptions>;
