import type { MessageKey, MessageParams } from '../i18n/index.js';

/**
 * An expected problem caused by the user's input (unknown name, bad time, no
 * permission). Carries a message key, not words, so each adapter can show it
 * in the user's language — privately, and without a stack trace.
 */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  readonly key: K;
  readonly params: MessageParams<K>;
  /** Extra lines such as "did you mean" suggestions, already resolved to plain text. */
  readonly suggestions: readonly string[];

  constructor(key: K, params: MessageParams<K>, suggestions: readonly string[] = []) {
    super(key);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.suggestions = suggestions;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
