import { PermissionFlagsBits, Routes, type REST } from 'discord.js';
import { fail, pass, type CheckLine } from '../../core/check-lines.js';
import type { ScheduledChannel } from '../../core/check-lines.js';

/** What scheduled posts need: see the channel, post in it, and show the quiz and session cards. */
const NEEDED = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

interface Overwrite {
  id: string;
  type: number;
  allow: string;
  deny: string;
}

/**
 * The bot's permissions in a scheduled channel, computed as Discord does
 * (owner and Administrator have all; @everyone, then the member's roles,
 * then the channel's overwrites for @everyone, its roles, itself).
 */
export async function channelPermissionLine(rest: REST, botId: string, channel: ScheduledChannel): Promise<CheckLine> {
  const what = `Discord: channel ${channel.channel} (${channel.why})`;
  const info = (await rest.get(Routes.channel(channel.channel)).catch(() => undefined)) as { guild_id?: string; permission_overwrites?: Overwrite[] } | undefined;
  if (!info?.guild_id) return fail(`${what}: the bot cannot see it`, 'give the bot View Channel there, or cancel the schedule if the channel is gone');
  const guild = (await rest.get(Routes.guild(info.guild_id))) as { owner_id: string; roles: { id: string; permissions: string }[] };
  const member = (await rest.get(Routes.guildMember(info.guild_id, botId))) as { roles: string[] };
  const granted = permissionsIn(info.guild_id, guild, member.roles, botId, info.permission_overwrites ?? []);
  const missing = NEEDED.filter(([, bit]) => (granted & bit) !== bit).map(([name]) => name);
  return missing.length === 0
    ? pass(`${what}: the bot may view, send and embed`)
    : fail(`${what}: the bot lacks ${missing.join(', ')}`, 'allow them for the bot\'s role in the channel\'s settings → Permissions');
}

function permissionsIn(
  guildId: string,
  guild: { owner_id: string; roles: { id: string; permissions: string }[] },
  memberRoles: readonly string[],
  botId: string,
  overwrites: readonly Overwrite[],
): bigint {
  if (guild.owner_id === botId) return ~0n;
  let base = 0n;
  for (const role of guild.roles) if (role.id === guildId || memberRoles.includes(role.id)) base |= BigInt(role.permissions);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ~0n;
  const apply = (ow: Overwrite | undefined) => {
    if (ow) base = (base & ~BigInt(ow.deny)) | BigInt(ow.allow);
  };
  apply(overwrites.find((ow) => ow.id === guildId));
  let allow = 0n;
  let deny = 0n;
  for (const ow of overwrites) {
    if (ow.type === 0 && memberRoles.includes(ow.id)) {
      allow |= BigInt(ow.allow);
      deny |= BigInt(ow.deny);
    }
  }
  base = (base & ~deny) | allow;
  apply(overwrites.find((ow) => ow.type === 1 && ow.id === botId));
  return base;
}
