import { resolveLang, userErrorReply, type DispatchResult, type DispatchServices } from './dispatch.js';
import { isUserError } from './errors.js';
import type { Invocation } from './invocation.js';
import { parseOptionsText } from './parse-text.js';

/**
 * For front ends where people type a command's options as text (the console,
 * Slack): the Invocation with parsed options, or — when the text cannot be
 * parsed (an unclosed quote) — the ready answer with the usage line.
 * An unknown command is passed on untouched so dispatch can explain it.
 */
export function withTypedOptions(base: Invocation, text: string, services: DispatchServices): Invocation | DispatchResult {
  const command = services.registry.get(base.command);
  if (!command) return base;
  try {
    if (command.paged) {
      const { rest, page } = takePage(text);
      return { ...base, options: parseOptionsText(command, rest), ...(page ? { page } : {}) };
    }
    return { ...base, options: parseOptionsText(command, text) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const lang = resolveLang(base, services);
    return { reply: userErrorReply(error, lang), status: 'user-error', lang };
  }
}

/** `page:3` anywhere in the text of a paged command: the page, and the text without it. */
function takePage(text: string): { rest: string; page?: number } {
  const match = /(?:^|\s)page[:=](\d{1,4})(?=\s|$)/i.exec(text);
  if (!match) return { rest: text };
  return { rest: (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim(), page: Number(match[1]) };
}
