import { ApplicationCommandOptionType, GuildMember, PermissionFlagsBits, type BaseInteraction, type CommandInteractionOption } from 'discord.js';
import type { Command, OptionValue } from '../../core/command.js';
import type { Invocation, Place } from '../../core/invocation.js';

/** A server is the settings scope; a DM is its own scope, one per person. */
export function placeOf(interaction: BaseInteraction): Place {
  return {
    platform: 'discord',
    scope: interaction.guildId ?? `dm:${interaction.user.id}`,
    channel: interaction.channelId ?? '',
  };
}

/**
 * The name members see for someone here: their server nickname, else their
 * display name, else the account name. Shown in reveals and leaderboards
 * (escaped, mentions off: a nickname may well be "@everyone").
 */
export function displayNameOf(interaction: BaseInteraction): string {
  const member = interaction.member;
  // A cached member is a GuildMember; an uncached one arrives as the API's raw member with `nick`.
  const nick = member instanceof GuildMember ? member.nickname : member?.nick;
  return nick || interaction.user.globalName || interaction.user.username;
}

export function invocationOf(
  interaction: BaseInteraction,
  command: string,
  options: Invocation['options'],
  page?: number,
): Invocation {
  return {
    command,
    options,
    actor: {
      id: interaction.user.id,
      name: displayNameOf(interaction),
      // In a DM the person manages their own place; in a server, Manage Server does.
      manager: !interaction.inGuild() || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)),
    },
    place: placeOf(interaction),
    locale: interaction.locale,
    ...(page !== undefined ? { page } : {}),
  };
}

/**
 * Option values as Discord delivered them (dispatch validates them like any
 * other input), and the verb when the command has subcommands: Discord nests
 * a subcommand's options inside it.
 */
export function commandInput(data: readonly CommandInteractionOption[]): { subcommand?: string; options: Record<string, OptionValue> } {
  const [first] = data;
  if (first && first.type === ApplicationCommandOptionType.Subcommand) return { subcommand: first.name, options: optionValues(first.options ?? []) };
  return { options: optionValues(data) };
}

export function optionValues(data: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of data) {
    if (option.type === ApplicationCommandOptionType.User && typeof option.value === 'string') {
      // The picked member as a mention that also carries the name they show under here.
      values[option.name] = `<@${option.value}|${pickedName(option).replace(/[<>|]/g, '').slice(0, 80)}>`;
      continue;
    }
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') {
      values[option.name] = option.value;
    }
  }
  return values;
}

/**
 * default_member_permissions only hides a command; server admins can
 * override it per channel or role, so the permission is checked again here.
 * In a DM the person is the only member of their own place.
 */
export function mayRun(command: Command | undefined, interaction: BaseInteraction, options: Invocation['options'] = {}): boolean {
  // On Discord a managing command is hidden from others even for viewing, so the check matches that.
  const managed = command?.managesPlace || command?.needsManager || command?.needsManagerFor?.(options);
  if (!managed || !interaction.inGuild()) return true;
  return Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
}

/** The display name of a member picked in a USER option: server nickname, else global name, else username. */
function pickedName(option: CommandInteractionOption): string {
  const member = option.member;
  const nick = member instanceof GuildMember ? member.nickname : (member as { nick?: string | null } | null | undefined)?.nick;
  return nick || option.user?.globalName || option.user?.username || option.value?.toString() || '';
}
