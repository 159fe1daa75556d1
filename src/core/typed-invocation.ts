import { namingFor, resolveLang, userErrorReply, type DispatchResult, type DispatchServices } from './dispatch.js';
import { isUserError } from './errors.js';
import type { Invocation } from './invocation.js';
import { parseTypedText } from './parse-text.js';
import { resolveCommand } from './subcommands.js';
import { translateDynamic } from '../i18n/index.js';

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
    // A command with verbs takes the first word as the verb: "/quiz schedule time:09:00".
    const verb = command.subcommands ? /^\s*(\S+)\s*(.*)$/s.exec(text) : null;
    const subcommand = verb?.[1]?.toLowerCase();
    const target = command.subcommands
      ? resolveCommand(command, subcommand, naming.slash, translateDynamic(resolveLang(base, services), command.example, undefined, naming))
      : command;
    const { options, page } = parseTypedText(target, verb ? (verb[2] ?? '') : text, naming.slash);
    return { ...base, options, ...(subcommand ? { subcommand } : {}), ...(page === undefined ? {} : { page }) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const lang = resolveLang(base, services);
    return { reply: userErrorReply(error, lang, naming), status: 'user-error', lang };
  }
}

