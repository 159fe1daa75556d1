import type { Config } from '../config.js';
import { fail, pass, type CheckLine } from '../core/check-lines.js';

/** When summaries are on: the model server answers a one-token request (the real openai client, as /summarize uses it). */
export async function llmLines(config: Config): Promise<CheckLine[]> {
  const summary = config.summary;
  if (!summary) return [pass('summaries: off', 'set OPENAI_API_KEY or OPENAI_BASE_URL to turn /summarize on')];
  const { openAiCompleter, serverOf } = await import('../summary/client.js');
  const complete = openAiCompleter({ ...summary, maxRetries: 0 });
  const answer = await complete([{ role: 'user', content: 'Say OK.' }], 1);
  const where = `${serverOf(summary)} (model ${summary.model})`;
  if (answer.ok || answer.failure === 'empty') return [pass(`summaries: ${where} answers`)];
  return [fail(`summaries: ${where} did not answer (${answer.failure}: ${answer.detail})`, 'check OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL, and that the server runs')];
}
