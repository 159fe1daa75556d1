import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandOption, Subcommand } from '../../core/command.js';
import { clip } from '../../core/text.js';
import { translateDynamic } from '../../i18n/index.js';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord rejects a whole registration if one description is over 100 characters. */
const DESCRIPTION_MAX = 100;
const CHOICE_NAME_MAX = 100;

/** Manage Server, as the decimal string Discord expects. */
export const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);

/**
 * The slash commands Discord should know, generated from the same list the
 * registry serves — there is no second list to keep in step.
 *
 * Names are not localised on purpose: help texts, examples, error messages
 * and Slack all say `/model`, so a Japanese client showing `/モデル` would
 * contradict every message the bot writes. Descriptions are localised.
 */
export function commandDefinitions(commands: readonly Command[]): CommandDefinition[] {
  return commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    ...describe(command.description),
    options: command.subcommands ? command.subcommands.map(subcommandDefinition) : command.options.map(optionDefinition),
    // Discord hides the command from members without Manage Server; the adapter checks again at run time.
    // A command with verbs stays visible: most of /quiz is for everyone, and its manager verbs are checked when run.
    default_member_permissions: command.managesPlace || command.needsManager ? MANAGE_GUILD : null,
    // Servers and the bot's DMs (a DM is its own place with its own settings).
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  }));
}

/** A verb (`/quiz schedule`) as a Discord subcommand, with its own options. */
function subcommandDefinition(sub: Subcommand): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: sub.name,
    ...describe(sub.description),
    options: sub.options.map(optionDefinition),
  };
}

function optionDefinition(option: CommandOption): APIApplicationCommandBasicOption {
  const base = { name: option.name, ...describe(option.description), required: Boolean(option.required) };
  // A member is Discord's own picker: no length limit, no autocomplete, no choices.
  if (option.type === 'user') return { ...base, type: ApplicationCommandOptionType.User };
  const type = ApplicationCommandOptionType.String;
  const limits = option.maxLength !== undefined ? { max_length: option.maxLength } : {};
  // Discord forbids choices and autocomplete on the same option; fixed choices win.
  if (option.choices && option.choices.length > 0) {
    return {
      ...base,
      ...limits,
      type,
      choices: option.choices.map((choice) => ({ name: clip(choice.label, CHOICE_NAME_MAX), value: choice.value })),
    };
  }
  if (option.autocomplete) return { ...base, ...limits, type, autocomplete: true };
  return { ...base, ...limits, type };
}

/** English is Discord's base text; Japanese clients get the ja message. */
function describe(key: string): { description: string; description_localizations: { ja: string } } {
  return {
    description: clip(translateDynamic('en', key), DESCRIPTION_MAX),
    description_localizations: { ja: clip(translateDynamic('ja', key), DESCRIPTION_MAX) },
  };
}
