import type { Catalog } from '../catalog/catalog.js';
import type { SettingsStore } from '../store/settings.js';
import type { CommandNaming, Lang, MessageKey, Translate } from '../i18n/index.js';
import type { Reply } from './reply.js';
import type { Actor, Place } from './invocation.js';
import type { Clock } from './clock.js';

/**
 * A slash command as typed data (the discord.js template's shape): the
 * definition drives Discord registration, the Slack manifest, the console's
 * parser and /help — there is no second list.
 */
/**
 * Options are text, validated as text (validate-options.ts). A 'user' option
 * is a member: Discord registers it as its member picker (definitions.ts) and
 * delivers the member as a mention, `<@id|display name>`; everywhere else it
 * is typed (a Slack `<@U…>` mention, a name in the console).
 */
export type OptionType = 'string' | 'user';
/** A raw value as a platform delivered it; validation turns it into the option's type. */
export type OptionValue = string | number | boolean;
export type Options = Readonly<Record<string, OptionValue | undefined>>;

/** What an option's autocomplete offers, ranked by the shared search. */
export type AutocompleteSource = 'model' | 'dataset' | 'topic' | 'any' | 'command' | 'timezone';

export interface CommandOption {
  name: string;
  type: OptionType;
  /** Message key of the option's description (both languages come from it). */
  description: MessageKey;
  required?: boolean;
  /**
   * Longest accepted text, in characters (code points) — the unit Discord's
   * option max_length counts. Paging ids are measured separately, in UTF-16
   * units (core/paging.ts).
   */
  maxLength?: number;
  choices?: readonly { value: string; label: string }[];
  autocomplete?: AutocompleteSource;
}

/** What every command gets, whichever feature it belongs to. */
export interface BaseContext {
  lang: Lang;
  /** Already rewrites command names in messages for the platform (see `naming`). */
  t: Translate;
  /** How commands are typed where this reply is read: "/model", or "/yomikai topic" on Slack. */
  naming: CommandNaming;
  catalog: Catalog;
  settings: SettingsStore;
  place: Place;
  /** 1-based page for commands that page through long lists. */
  page: number;
  /** What applies where a place has chosen nothing. */
  defaults: { lang: Lang; timezone: string };
  /** Every command, for /help. */
  commands: readonly Command[];
  /** Who ran the command (id and display name). */
  actor: Actor;
  /** The one source of "now" (the system clock in the bot; tests inject theirs). */
  clock: Clock;
}

/**
 * A command's context: the base, plus the services of the features it uses
 * (`S`, e.g. `{ quiz: QuizService }`, declared by the feature). The app
 * composes every feature's services into one object; the core knows none.
 */
export type CommandContext<S extends object = object> = BaseContext & S;

/**
 * One verb of a command with several (`/quiz schedule time:09:00`): Discord
 * registers it as a subcommand; typed front ends take it as the first word.
 */
export interface Subcommand<S extends object = object> {
  name: string;
  description: MessageKey;
  example: MessageKey;
  options: readonly CommandOption[];
  /** Only managers may run it (Discord's Manage Server, a Slack workspace admin), whatever its options. */
  needsManager?: boolean;
  /**
   * Everyone may run it, but what it allows depends on whether the actor
   * manages the place (a creator-or-manager rule): adapters that must ask the
   * platform (Slack) set Actor.manager for it.
   */
  asksManager?: boolean;
  execute(options: Options, context: CommandContext<S>): Reply | Promise<Reply>;
}

export interface Command<S extends object = object> {
  name: string;
  description: MessageKey;
  /** Message key of a full example, shown in help and in "missing option" errors. */
  example: MessageKey;
  options: readonly CommandOption[];
  /** Long answers come in pages: typed text may add `page:N`, and buttons turn the pages. */
  paged?: boolean;
  /** Changes a place's settings: adapters require a manager's permission for it. */
  managesPlace?: boolean;
  /** Only managers may run it at all (see Subcommand.needsManager). */
  needsManager?: boolean;
  /** Only managers may run it with these options (`/summarize usage`); checked by adapters like needsManager. */
  needsManagerFor?: (options: Readonly<Record<string, unknown>>) => boolean;
  /** See Subcommand.asksManager. */
  asksManager?: boolean;
  /** Verbs of this command; when present, `options` and `execute` belong to them instead. */
  subcommands?: readonly Subcommand<S>[];
  execute(options: Options, context: CommandContext<S>): Reply | Promise<Reply>;
}
