import type OpenAI from 'openai';
import type { SummaryConfig } from './config.js';
import type { ChatMessage } from './prompt.js';

/** Why a request produced no usable summary; each has a one-line message for the user. */
export const FAILURES = ['timeout', 'rate-limited', 'server-error', 'unreachable', 'rejected', 'malformed', 'empty', 'refused'] as const;
export type Failure = (typeof FAILURES)[number];

/** A failed answer that the server still billed (an empty answer, a refusal) carries the tokens it reported. */
export type Completion = { ok: true; text: string; tokens: number } | { ok: false; failure: Failure; detail: string; tokens?: number };

/** One chat completion; the seam tests and other model clients plug into. */
export type Completer = (messages: ChatMessage[], maxTokens: number) => Promise<Completion>;

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * The server a summary came from, as it goes into the cache key: scheme, host,
 * port and path of the base URL, lower-cased where URLs ignore case, without a
 * trailing slash, a query or credentials (never stored). Another server may
 * serve a different model under the same name, so its answers are not ours.
 */
export function serverOf(config: Pick<SummaryConfig, 'baseURL'>): string {
  const url = new URL(config.baseURL ?? DEFAULT_BASE_URL);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Chat Completions through the openai SDK: the endpoint OpenAI, Ollama, vLLM
 * and llama.cpp all serve. Never throws: every problem becomes a Failure.
 *
 * The SDK's `timeout` is per attempt and stops counting once the response
 * headers arrive, so a server that sends headers and then stalls would hold the
 * call for ever. Each call therefore also carries an AbortSignal: the whole
 * call — every attempt, the waits between them and the body — ends after
 * `timeoutMs`. One overall bound also means an attempt that timed out (and may
 * have been billed) is never followed by a second billed attempt.
 */
export function openAiCompleter(config: SummaryConfig): Completer {
  // The SDK (≈150 modules) loads on the first summary, not at start-up: most commands,
  // and the one-shot `yomikai ask`, never need it.
  let sdk: Promise<{ client: OpenAI; errors: SdkErrors }> | undefined;
  const load = () =>
    (sdk ??= import('openai').then((module) => ({
      client: new module.default({
        apiKey: config.apiKey,
        // Given explicitly so the SDK does not read OPENAI_* from the environment itself (config.ts is the one reader).
        baseURL: config.baseURL ?? DEFAULT_BASE_URL,
        organization: null,
        project: null,
        timeout: config.timeoutMs,
        maxRetries: config.maxRetries,
      }),
      errors: module,
    })));
  return async (messages, maxTokens) => {
    const deadline = AbortSignal.timeout(config.timeoutMs);
    const { client, errors } = await load();
    try {
      const response = await client.chat.completions.create({ model: config.model, messages, max_tokens: maxTokens }, { signal: deadline });
      return readCompletion(response, messages);
    } catch (error) {
      // Our deadline surfaces as the SDK's user-abort error or as the body's AbortError, depending on where it struck.
      if (deadline.aborted) return { ok: false, failure: 'timeout', detail: `no complete answer within ${config.timeoutMs} ms` };
      return { ok: false, ...classify(error, errors) };
    }
  };
}

type SdkErrors = Pick<typeof import('openai'), 'APIConnectionError' | 'APIConnectionTimeoutError' | 'APIError' | 'RateLimitError'>;

/** The text, or why there is none, from a response we cannot take on trust (any server may answer). */
export function readCompletion(response: unknown, messages: readonly ChatMessage[]): Completion {
  const body = response as { choices?: unknown; usage?: Usage } | null;
  const choice = Array.isArray(body?.choices) ? (body.choices[0] as { message?: { content?: unknown; refusal?: unknown } } | undefined) : undefined;
  if (!choice?.message || typeof choice.message !== 'object') return { ok: false, failure: 'malformed', detail: 'no choices[0].message' };
  const { content, refusal } = choice.message;
  const billed = reportedTokens(body?.usage);
  const charged = billed === undefined ? {} : { tokens: billed };
  if (typeof refusal === 'string' && refusal.trim() !== '') return { ok: false, failure: 'refused', detail: refusal.slice(0, 200), ...charged };
  if (content !== null && content !== undefined && typeof content !== 'string') return { ok: false, failure: 'malformed', detail: 'content is not text', ...charged };
  const text = (content ?? '').trim();
  if (text === '') return { ok: false, failure: 'empty', detail: 'empty content', ...charged };
  return { ok: true, text, tokens: tokensUsed(body?.usage, messages, text) };
}

/**
 * Tokens as the API's `usage` reports them. A server that sends no usage is
 * charged an estimate (about four characters a token) so the cap still holds.
 */
function tokensUsed(usage: Usage | undefined, messages: readonly ChatMessage[], text: string): number {
  const reported = reportedTokens(usage);
  if (reported !== undefined) return reported;
  const characters = messages.reduce((sum, m) => sum + m.content.length, 0) + text.length;
  return Math.ceil(characters / 4);
}

type Usage = { total_tokens?: unknown; prompt_tokens?: unknown; completion_tokens?: unknown };

function reportedTokens(usage: Usage | undefined): number | undefined {
  if (typeof usage?.total_tokens === 'number' && usage.total_tokens >= 0) return Math.ceil(usage.total_tokens);
  if (typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') return Math.ceil(usage.prompt_tokens + usage.completion_tokens);
  return undefined;
}

function classify(error: unknown, { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError }: SdkErrors): { failure: Failure; detail: string } {
  const detail = error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
  if (error instanceof APIConnectionTimeoutError) return { failure: 'timeout', detail };
  if (error instanceof APIConnectionError) return { failure: 'unreachable', detail };
  if (error instanceof RateLimitError) return { failure: 'rate-limited', detail };
  if (error instanceof APIError && typeof error.status === 'number') return { failure: error.status >= 500 ? 'server-error' : 'rejected', detail };
  // What is left is a body the SDK could not parse (malformed JSON from the server).
  return { failure: 'malformed', detail };
}
