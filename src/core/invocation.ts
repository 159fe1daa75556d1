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
  /** Manages this place (Discord Manage Server; the console's own user) — may change others' reading sessions. */
  manager?: boolean;
}

/** One command call, already parsed by an adapter, before validation. */
export interface Invocation {
  command: string;
  /** The verb of a command with subcommands (`schedule` in `/quiz schedule`). */
  subcommand?: string;
  /** Raw option values as the platform delivered them; dispatch validates them. */
  options: Readonly<Record<string, OptionValue | undefined>>;
  actor: Actor;
  place: Place;
  /** An explicit language (the console's --lang): wins over everything. */
  lang?: Lang;
  /** The platform's locale for this user (Discord's interaction.locale). */
  locale?: string;
  page?: number;
  /**
   * How this front end types a command ("/model"; on Slack "/yomikai topic"
   * where Slack keeps /topic for itself), so help, examples and errors show
   * names that work where they are read. "/name" when not given.
   */
  commandName?: (name: string) => string;
}

export function placeKey(place: Place): string {
  return `${place.platform}:${place.scope}`;
}

/** The channel's identity across platforms: a Slack and a Discord channel never collide. */
export function channelKeyOf(place: Place): string {
  return `${place.platform}:${place.scope}:${place.channel}`;
}
