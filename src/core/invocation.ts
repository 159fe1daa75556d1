import type { Lang } from '../i18n/index.js';
import type { OptionValue } from './command.js';

export type Platform = 'discord' | 'slack' | 'console';

/** Where a command was run: settings are kept per scope (a Discord server, a Slack workspace). */
export interface Place {
  platform: Platform;
  /** Server / workspace id; the console uses "local". */
  scope: string;
  channel: string;
}

export interface Actor {
  id: string;
  name?: string;
}

/** One command call, already parsed by an adapter, before validation. */
export interface Invocation {
  command: string;
  /** Raw option values as the platform delivered them; dispatch validates them. */
  options: Readonly<Record<string, OptionValue | undefined>>;
  actor: Actor;
  place: Place;
  /** An explicit language (the console's --lang): wins over everything. */
  lang?: Lang;
  /** The platform's locale for this user (Discord's interaction.locale). */
  locale?: string;
  page?: number;
}

export function placeKey(place: Place): string {
  return `${place.platform}:${place.scope}`;
}
