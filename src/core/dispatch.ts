import type { Catalog } from '../catalog/catalog.js';
import type { SettingsStore } from '../store/settings.js';
import { translateDynamic, translator, type CommandNaming, type Lang, langFromLocale } from '../i18n/index.js';
import type { Logger } from './logger.js';
import { privateError, type Reply } from './reply.js';
import type { CommandRegistry } from './registry.js';
import { UserError, isUserError } from './errors.js';
import { placeKey, type Invocation } from './invocation.js';
import { validateOptions } from './validate-options.js';
import { closestNames } from './closest.js';
import { clip, cleanText } from './text.js';
import { plainSlash } from './usage.js';
import { resolveCommand } from './subcommands.js';
import type { Clock } from './clock.js';
import type { ButtonHandler } from './buttons.js';
import { notify, type Observer } from './observe.js';
import type { PostedHandler } from './posted.js';

export interface DispatchServices {
  registry: CommandRegistry;
  catalog: Catalog;
  settings: SettingsStore;
  logger: Logger;
  defaultLang: Lang;
  defaultTimezone: string;
  clock: Clock;
  /** Every feature's services, composed by the app (src/app.ts); commands find theirs in their context. */
  features: object;
  /** Handlers for buttons on posted messages (quiz answers), beside the adapters' paging buttons. */
  buttons: readonly ButtonHandler[];
  /** Told each command's outcome (the app's metrics); absent, nothing is counted. */
  observe?: Observer;
  /** Features told where their tracked replies were posted (core/posted.ts). */
  posted?: readonly PostedHandler[];
}

/** ok: the command answered; user-error: bad input, explained; failed: our bug, apologised for. */
export type DispatchStatus = 'ok' | 'user-error' | 'failed';

export interface DispatchResult {
  reply: Reply;
  status: DispatchStatus;
  lang: Lang;
}

/**
 * The single path from an adapter's Invocation to a Reply. Every failure
 * becomes a Reply too, so no adapter can leave a user without an answer.
 */
export async function dispatch(invocation: Invocation, services: DispatchServices): Promise<DispatchResult> {
  const result = await answer(invocation, services);
  // Counted under the registered name only: what users type must not become a label (unbounded series).
  const command = services.registry.get(invocation.command.toLowerCase())?.name ?? 'unknown';
  notify(services.observe, { type: 'command', command, status: result.status }, services.logger);
  return result;
}

async function answer(invocation: Invocation, services: DispatchServices): Promise<DispatchResult> {
  const lang = resolveLang(invocation, services);
  const naming = namingFor(invocation, services);
  const t = translator(lang, naming);
  const command = services.registry.get(invocation.command.toLowerCase());
  try {
    if (!command) {
      const suggestions = closestNames(invocation.command, services.registry.names()).map((name) => naming.slash(name));
      throw new UserError('error.unknownCommand', { name: clip(cleanText(invocation.command), 40) }, suggestions);
    }
    const target = resolveCommand(command, invocation.subcommand, naming.slash, translateDynamic(lang, command.example, undefined, naming));
    const options = validateOptions(target, invocation.options, translateDynamic(lang, target.example, undefined, naming));
    const page = Math.max(1, Math.floor(invocation.page ?? 1));
    const reply = await target.execute(options, {
      ...services.features,
      lang,
      t,
      naming,
      catalog: services.catalog,
      settings: services.settings,
      place: invocation.place,
      page,
      defaults: { lang: services.defaultLang, timezone: services.defaultTimezone },
      commands: services.registry.all(),
      actor: invocation.actor,
      clock: services.clock,
    });
    return { reply, status: 'ok', lang };
  } catch (error) {
    if (isUserError(error)) return { reply: userErrorReply(error, lang, naming), status: 'user-error', lang };
    services.logger.error(
      { err: error, command: invocation.command, place: placeKey(invocation.place), actor: invocation.actor.id },
      'command failed',
    );
    return {
      reply: privateError(t('error.internal', { command: invocation.command })),
      status: 'failed',
      lang,
    };
  }
}

/** Explicit choice (--lang) > the place's setting > the user's locale > the configured default. */
export function resolveLang(invocation: Invocation, services: Pick<DispatchServices, 'settings' | 'defaultLang'>): Lang {
  return (
    invocation.lang ??
    services.settings.get(placeKey(invocation.place)).language ??
    langFromLocale(invocation.locale) ??
    services.defaultLang
  );
}

export function userErrorReply(error: UserError, lang: Lang, naming?: CommandNaming): Reply {
  const lines = [translateDynamic(lang, error.key, error.params as Record<string, string | number>, naming)];
  if (error.suggestions.length > 0) {
    lines.push(translateDynamic(lang, 'error.didYouMean'), ...error.suggestions.map((s) => `• ${s}`));
  }
  return privateError(lines.join('\n'));
}

/** The invocation's way of typing commands, applied to our registered names only. */
export function namingFor(invocation: Pick<Invocation, 'commandName'>, services: Pick<DispatchServices, 'registry'>): CommandNaming {
  return {
    slash: invocation.commandName ?? plainSlash,
    isCommand: (word) => services.registry.get(word) !== undefined,
  };
}
