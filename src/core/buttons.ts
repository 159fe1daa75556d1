import { translator, type Lang, type Translate } from '../i18n/index.js';
import { namingFor, resolveLang, userErrorReply, type DispatchResult, type DispatchServices } from './dispatch.js';
import { isUserError } from './errors.js';
import { placeKey, type Actor, type Invocation, type Place } from './invocation.js';
import { privateError, type Reply } from './reply.js';

export interface ButtonContext {
  actor: Actor;
  place: Place;
  lang: Lang;
  t: Translate;
}

/**
 * A kind of button on a message the bot posted (a quiz answer, an RSVP). Its
 * id says only which thing was meant; the handler re-reads everything else.
 * Answers are private: the adapter shows the Reply only to the presser.
 */
export interface ButtonHandler {
  pattern: RegExp;
  handle(id: string, context: ButtonContext): Reply | Promise<Reply>;
}

export interface ButtonPress {
  id: string;
  actor: Actor;
  place: Place;
  locale?: string;
  lang?: Lang;
}

export function claimsButton(id: string, services: Pick<DispatchServices, 'buttons'>): boolean {
  return services.buttons.some((handler) => handler.pattern.test(id));
}

/**
 * Runs the handler that claims a button id, always ending in a private Reply —
 * a refusal, an apology, or the handler's answer — or undefined when no
 * handler claims the id (paging and share buttons are the adapters' own).
 */
export async function pressButton(press: ButtonPress, services: DispatchServices): Promise<DispatchResult | undefined> {
  const handler = services.buttons.find((h) => h.pattern.test(press.id));
  if (!handler) return undefined;
  const invocation: Invocation = {
    command: '',
    options: {},
    actor: press.actor,
    place: press.place,
    ...(press.locale ? { locale: press.locale } : {}),
    ...(press.lang ? { lang: press.lang } : {}),
  };
  const lang = resolveLang(invocation, services);
  const naming = namingFor(invocation, services);
  const t = translator(lang, naming);
  try {
    const reply = await handler.handle(press.id, { actor: press.actor, place: press.place, lang, t });
    return { reply: { ...reply, ephemeral: true }, status: 'ok', lang };
  } catch (error) {
    if (isUserError(error)) return { reply: userErrorReply(error, lang, naming), status: 'user-error', lang };
    services.logger.error({ err: error, button: press.id, place: placeKey(press.place), actor: press.actor.id }, 'button failed');
    return { reply: privateError(t('error.internal', { command: press.id.split(':')[0] ?? '?' })), status: 'failed', lang };
  }
}
