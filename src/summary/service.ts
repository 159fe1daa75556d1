import { DateTime } from 'luxon';
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';
import type { SummaryConfig } from './config.js';
import type { Clock } from '../core/clock.js';
import { placeKey, type Actor, type Place } from '../core/invocation.js';
import type { Logger } from '../core/logger.js';
import { notify, type Observer } from '../core/observe.js';
import { clip } from '../core/text.js';
import type { Lang } from '../i18n/index.js';
import type { SummaryCacheStore, SummaryKey } from './store/cache.js';
import type { SummaryUsageStore } from './store/usage.js';
import { chargeFor, worstCaseTokens } from './budget.js';
import { openAiCompleter, serverOf, type Completer, type Failure } from './client.js';
import { entryFacts, factsHash, type EntryFacts } from './facts.js';
import { buildMessages, MAX_OUTPUT_TOKENS, type ChatMessage, type SummaryLength } from './prompt.js';

export interface SummaryRequest {
  found: CatalogEntry;
  lang: Lang;
  length: SummaryLength;
  place: Place;
  actor: Actor;
  /** The place's zone (its /settings timezone, else YOMIKAI_TIMEZONE): the budget's day starts at its midnight. */
  zone: string;
  /** For the bot's own requests (the quiz preparing a reveal): the daily cap applies, a person's cooldown does not. */
  skipCooldown?: boolean;
}

/** off: no model configured; budget: the scope's daily cap is spent; cooldown: the person asked moments ago. */
export type FallbackReason = 'off' | 'budget' | 'cooldown' | Failure;

export type SummaryOutcome =
  | { kind: 'summary'; text: string; model: string; from: 'cache' | 'model' }
  | { kind: 'fallback'; reason: FallbackReason; waitSeconds?: number };

export interface SummaryUsage {
  tokens: number;
  cap: number;
  date: string;
}

/** Room left in a Discord embed or a Slack section after the link and the machine-written line. */
const MAX_SUMMARY_CHARS = 2500;

export interface SummaryDeps {
  config: SummaryConfig | undefined;
  cache: SummaryCacheStore;
  usage: SummaryUsageStore;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  /** The model call; the openai SDK unless a test hands in its own. */
  completer?: Completer;
  /** Told the tokens each model call cost (metrics). */
  observe?: Observer;
}

/**
 * Summaries with every cost control in one place: the cache first (free),
 * then a request already on its way (shared), then the daily cap and the
 * person's cooldown, and only then one call to the model — with its worst
 * case reserved against the cap first, so calls on their way at once cannot
 * together spend more than the cap.
 */
export class SummaryService {
  private readonly inFlight = new Map<string, Promise<SummaryOutcome>>();
  /** When each person last caused a model call; in memory, as a cooldown only needs to survive seconds. */
  private readonly lastCall = new Map<string, number>();
  private readonly completer: Completer | undefined;
  /** The cache key's `model`: see cacheModel. */
  private readonly cachedAs: string | undefined;

  constructor(private readonly deps: SummaryDeps) {
    this.completer = deps.completer ?? (deps.config ? openAiCompleter(deps.config) : undefined);
    this.cachedAs = deps.config ? cacheModel(deps.config) : undefined;
  }

  get enabled(): boolean {
    return this.deps.config !== undefined;
  }

  /** The configured model's name, when summaries are on. */
  get model(): string | undefined {
    return this.deps.config?.model;
  }

  /** Requests on their way to the model now (each shared by everyone who asked for it). */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  async summarize(request: SummaryRequest): Promise<SummaryOutcome> {
    const { config, cache, catalog } = this.deps;
    if (!config || !this.completer) return { kind: 'fallback', reason: 'off' };
    const facts = entryFacts(request.found, catalog);
    const key: SummaryKey = { entryHash: factsHash(facts), model: this.cachedAs!, lang: request.lang, length: request.length };
    const cached = cache.get(key);
    // Cached and shared answers cost nothing, so neither the cap nor the cooldown applies to them.
    if (cached) return { kind: 'summary', text: cached.text, model: config.model, from: 'cache' };
    const id = JSON.stringify(key);
    const pending = this.inFlight.get(id);
    if (pending) return pending;

    const now = this.deps.clock.now();
    const scope = placeKey(request.place);
    const day = localDate(now, request.zone);
    const messages = buildMessages(facts, request.lang, request.length);
    const maxTokens = MAX_OUTPUT_TOKENS[request.length];
    const worst = worstCaseTokens(messages, maxTokens);
    // A plain look first, so a person at a spent cap hears "budget" rather than "wait".
    if (this.deps.usage.tokens(scope, day) + worst > config.dailyTokens) return { kind: 'fallback', reason: 'budget' };
    const person = request.skipCooldown ? undefined : `${request.place.platform}:${request.actor.id}`;
    const last = person === undefined ? undefined : this.lastCall.get(person);
    const cooldownMs = config.cooldownSeconds * 1000;
    if (last !== undefined && now.getTime() - last < cooldownMs) {
      return { kind: 'fallback', reason: 'cooldown', waitSeconds: Math.ceil((cooldownMs - (now.getTime() - last)) / 1000) };
    }
    // The check that counts: atomic with the reservation, against every call on its way in any process.
    if (!this.deps.usage.reserve(scope, day, worst, config.dailyTokens)) return { kind: 'fallback', reason: 'budget' };
    if (person !== undefined) this.lastCall.set(person, now.getTime());

    const call = this.ask(key, facts, messages, maxTokens, { scope, day, worst }).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, call);
    return call;
  }

  /** A finished summary from the cache, or undefined; never calls the model. */
  cached(found: CatalogEntry, lang: Lang, length: SummaryLength): { text: string; model: string } | undefined {
    const { config, cache, catalog } = this.deps;
    if (!config) return undefined;
    const hit = cache.get({ entryHash: factsHash(entryFacts(found, catalog)), model: this.cachedAs!, lang, length });
    return hit ? { text: hit.text, model: config.model } : undefined;
  }

  /** Resolves once every request now on its way has finished (tests; a clean shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Today's tokens in a place's scope against the cap (for /summarize usage). */
  usageToday(place: Place, zone: string): SummaryUsage {
    const date = localDate(this.deps.clock.now(), zone);
    return { tokens: this.deps.usage.tokens(placeKey(place), date), cap: this.deps.config?.dailyTokens ?? 0, date };
  }

  private async ask(key: SummaryKey, facts: EntryFacts, messages: ChatMessage[], maxTokens: number, budget: Reservation): Promise<SummaryOutcome> {
    const { cache, clock, logger, usage } = this.deps;
    const result = await this.completer!(messages, maxTokens);
    // The reservation becomes what the call cost: see chargeFor for failures (released when nothing ran, kept when unknown).
    // A completer that throws (the SDK one never does) skips this line, which leaves the worst case charged: unknown too.
    const charged = chargeFor(result, budget.worst);
    usage.settle(budget.scope, budget.day, budget.worst, charged);
    notify(this.deps.observe, { type: 'llm-tokens', tokens: charged }, logger);
    if (!result.ok) {
      logger.warn({ entry: facts.id, failure: result.failure, detail: result.detail }, 'summary request failed');
      return { kind: 'fallback', reason: result.failure };
    }
    const text = clip(result.text, MAX_SUMMARY_CHARS);
    cache.put(key, facts.id, { text, tokens: result.tokens }, clock.now());
    return { kind: 'summary', text, model: this.deps.config!.model, from: 'model' };
  }
}

/** The worst case reserved for one call, on the day and in the scope it was reserved in. */
interface Reservation {
  scope: string;
  day: string;
  worst: number;
}

/**
 * The cache key's `model` names the server too ("<base URL> <model>"): the
 * same model name on another OpenAI-compatible server is another model.
 * Summaries cached before the server was part of the key are simply not found.
 */
function cacheModel(config: SummaryConfig): string {
  return `${serverOf(config)} ${config.model}`;
}

/** The calendar date at an instant in a zone: the budget's day. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? instant.toISOString().slice(0, 10);
}
