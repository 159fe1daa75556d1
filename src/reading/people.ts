import { UserError } from '../core/errors.js';
import type { Platform } from '../core/invocation.js';
import { cleanText } from '../core/text.js';
import type { Person } from './store/sessions.js';

/** Discord `<@123>` / `<@!123>`, Slack `<@U123>` or `<@U123|name>`. */
const MENTION = /^<@!?([A-Z0-9]{2,30})(?:\|([^>]{1,80}))?>$/i;
const MAX_NAME = 80;
const MAX_ROTATION = 20;

/**
 * A member as typed: a mention keeps the member's id (so the presenter can be
 * pinged on purpose, and shown by the platform under their current name);
 * anything else is a plain name, as in the console.
 */
export function parsePerson(text: string, platform: Platform): Person {
  const value = cleanText(text).trim().replace(/^@(?!everyone|here)/, '');
  const mention = MENTION.exec(value);
  if (mention && platform !== 'console') {
    const id = mention[1] ?? '';
    // A Slack mention may carry its name; a Discord one never does.
    return { id, name: mention[2] ?? id };
  }
  if (value === '' || value.length > MAX_NAME) throw new UserError('error.reading.badPerson', { value: value.slice(0, 40), max: MAX_NAME });
  return { name: value };
}

/** `rotation:aiko,ben,chie` (or mentions, separated by commas or spaces when they are mentions). */
export function parseRotation(text: string, platform: Platform): Person[] {
  const parts = text
    .split(/[,、，]|\s+(?=<@)/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_ROTATION) throw new UserError('error.reading.badRotation', { max: MAX_ROTATION });
  return parts.map((part) => parsePerson(part, platform));
}

/** How a person reads in a message that must not ping: the name, or the platform's id-based label. */
export function personLabel(person: Person): string {
  return person.id && person.name === person.id ? `@${person.id}` : person.name;
}
