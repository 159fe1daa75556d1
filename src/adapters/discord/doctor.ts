import { DiscordAPIError, REST, Routes, makeURLSearchParams, type RESTGetAPIApplicationCommandsQuery } from 'discord.js';
import type { Config } from '../../config.js';
import type { Command } from '../../core/command.js';
import { commandDefinitions } from './definitions.js';
import { diffCommands } from './deploy.js';
import { fail, pass, type CheckLine } from '../../core/check-lines.js';
import { channelPermissionLine } from './doctor-permissions.js';
import type { ScheduledChannel } from '../../core/check-lines.js';

type DiscordConfig = NonNullable<Config['discord']>;

/**
 * The token works, it belongs to DISCORD_APPLICATION_ID, the registered
 * slash commands are what commands/ makes (the diff `discord:deploy` shows),
 * and the bot may view, send and embed in every scheduled channel.
 */
export async function discordLines(config: DiscordConfig, channels: readonly ScheduledChannel[], commands: readonly Command[]): Promise<CheckLine[]> {
  const rest = new REST({ version: '10', retries: 0, timeout: 10_000, ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  let bot: { id: string; username: string };
  try {
    bot = (await rest.get(Routes.user())) as { id: string; username: string };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      return [fail('Discord: DISCORD_TOKEN is refused', 'copy the token again from Developer Portal → your application → Bot → Reset Token')];
    }
    throw error;
  }
  const lines = [pass(`Discord: the token works (bot ${bot.username})`)];
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  if (application.id !== config.applicationId) {
    lines.push(fail(`Discord: DISCORD_APPLICATION_ID is ${config.applicationId}, but the token belongs to application ${application.id}`, `set DISCORD_APPLICATION_ID=${application.id}`));
    return lines;
  }
  lines.push(pass('Discord: DISCORD_APPLICATION_ID matches the token'));
  const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
  const query = makeURLSearchParams<RESTGetAPIApplicationCommandsQuery>({ with_localizations: true });
  const registered = (await rest.get(route, { query })) as Record<string, unknown>[];
  const diff = diffCommands(registered, commandDefinitions(commands));
  const stale = [...diff.added.map((n) => `/${n} missing`), ...diff.updated.map((n) => `/${n} changed`), ...diff.removed.map((n) => `/${n} no longer ours`)];
  const where = config.guildId ? `server ${config.guildId}` : 'global';
  lines.push(
    stale.length === 0
      ? pass(`Discord: the ${diff.unchanged.length} slash commands (${where}) are in sync with commands/`)
      : fail(`Discord: slash commands (${where}) out of sync: ${stale.join(', ')}`, 'run npm run discord:deploy'),
  );
  for (const channel of channels.filter((c) => c.platform === 'discord')) lines.push(await channelPermissionLine(rest, bot.id, channel));
  return lines;
}
