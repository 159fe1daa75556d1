import type { Completion, Failure } from './client.js';
import type { ChatMessage } from './prompt.js';

/**
 * Tokens a chat template may add around each message (role markers, separators)
 * and before the answer; generous, as the worst case must never be too small.
 */
const TEMPLATE_TOKENS_PER_MESSAGE = 16;
const TEMPLATE_TOKENS_PER_REQUEST = 16;

/**
 * The most one call can be billed: the prompt counted as one token per UTF-8
 * byte, plus the template, plus the whole `max_tokens`. A byte is an upper
 * bound because every tokenizer these servers use (byte-level BPE, and
 * SentencePiece with byte fallback) makes each token of at least one byte;
 * real prompts are about a quarter of it in English. Reserving this much
 * before the call is what keeps concurrent calls under the daily cap.
 */
export function worstCaseTokens(messages: readonly ChatMessage[], maxTokens: number): number {
  const promptBytes = messages.reduce((sum, m) => sum + Buffer.byteLength(m.content, 'utf8'), 0);
  return promptBytes + TEMPLATE_TOKENS_PER_MESSAGE * messages.length + TEMPLATE_TOKENS_PER_REQUEST + maxTokens;
}

/**
 * Failures where the model never ran, so nothing was billed: the server was
 * not reached (connection refused, name not found) or it answered with an
 * error status before generating (401/404/400, 429, 5xx — the API bills
 * neither). Their reservation is released.
 */
const NOT_BILLED: ReadonlySet<Failure> = new Set<Failure>(['unreachable', 'rejected', 'rate-limited', 'server-error']);

/**
 * What a finished call costs against the cap, replacing its reservation of `worst`:
 * - an answer with `usage` (a summary, or an empty answer or refusal the server billed): that usage;
 * - a failure before the model ran: nothing;
 * - anything else — a timeout (before or after the headers), an answer whose body
 *   could not be read, an empty answer or refusal without `usage` — is unknown:
 *   the server may have run the model and billed it, so the worst case is kept.
 */
export function chargeFor(result: Completion, worst: number): number {
  if (result.ok || result.tokens !== undefined) return result.tokens ?? 0;
  return NOT_BILLED.has(result.failure) ? 0 : worst;
}
