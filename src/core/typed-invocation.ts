import { namingFor, resolveLang, userErrorReply, type DispatchResult, type DispatchServices } from './dispatch.js';
import { isUserError } from './errors.js';
import type { Invocation } from './invocation.js';
import { parseTypedText } from './parse-text.js';

/**
 * For front ends where people type a command's options as text (the console,
 * Slack): the Invocation with parsed options, or — when the text cannot be
 * parsed (an unclosed quote) — the ready answer with the usage line.
 * An unknown command is passed on untouched so dispatch can explain it.
 */
export function withTypedOptions(base: Invocation, text: string, services: DispatchServices): Invocation | DispatchResult {
  const command = services.registry.get(base.command);
  if (!command) return base;
  const naming = namingFor(base, services);
  try {
    const { options, page } = parseTypedText(command, text, naming.slash);
    return { ...base, options, ...(page === undefined ? {} : { page }) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const lang = resolveLang(base, services);
    return { reply: userErrorReply(error, lang, naming), status: 'user-error', lang };
  }
}

