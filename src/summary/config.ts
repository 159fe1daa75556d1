/** The optional LLM summaries; absent when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set. */
export interface SummaryConfig {
  apiKey: string;
  /** True when OPENAI_BASE_URL was set without a key and PLACEHOLDER_API_KEY is sent instead. */
  placeholderKey: boolean;
  /** Undefined: the openai client's default, OpenAI's own API. */
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** Tokens per server/workspace per local day; 0 serves cached summaries only. */
  dailyTokens: number;
  /** Seconds between one person's requests that reach the model (cached answers are free). */
  cooldownSeconds: number;
}
