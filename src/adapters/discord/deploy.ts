import { REST, Routes, makeURLSearchParams, type RESTGetAPIApplicationCommandsQuery } from 'discord.js';
import type { Command } from '../../core/command.js';
import { commandDefinitions, type CommandDefinition } from './definitions.js';
import type { DiscordConfig } from './adapter.js';

export interface DeployResult {
  /** Where the commands went: one server (instant) or every server (global). */
  target: { guildId: string } | 'global';
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/**
 * Registers the generated slash commands with one bulk overwrite (PUT), which
 * also removes commands no longer in commands/. Reads the current list first
 * only to report what changed.
 */
export async function deployCommands(config: DiscordConfig, commands: readonly Command[]): Promise<DeployResult> {
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const wanted = commandDefinitions(commands);
  // Without with_localizations Discord leaves description_localizations out of the list,
  // and every command would look changed on every deploy.
  const query = makeURLSearchParams<RESTGetAPIApplicationCommandsQuery>({ with_localizations: true });
  const existing = (await rest.get(route, { query })) as Record<string, unknown>[];
  await rest.put(route, { body: wanted });
  return { target: config.guildId ? { guildId: config.guildId } : 'global', ...diffCommands(existing, wanted) };
}

/** What a deploy would change: also `yomikai doctor`'s check that the registered commands are in sync. */
export function diffCommands(existing: readonly Record<string, unknown>[], wanted: readonly CommandDefinition[]): Omit<DeployResult, 'target'> {
  const before = new Map(existing.map((command) => [String(command.name), command]));
  const result: Omit<DeployResult, 'target'> = { added: [], updated: [], removed: [], unchanged: [] };
  for (const command of wanted) {
    const old = before.get(command.name);
    if (!old) result.added.push(command.name);
    else if (sameAs(old, command)) result.unchanged.push(command.name);
    else result.updated.push(command.name);
  }
  const names = new Set(wanted.map((command) => command.name));
  result.removed = [...before.keys()].filter((name) => !names.has(name));
  return result;
}

/**
 * Compares only what we send: Discord adds ids, versions and defaults of its own to what it returns,
 * and may give a field we left out as null (the localisation maps are documented as nullable).
 */
function sameAs(old: Record<string, unknown>, wanted: CommandDefinition): boolean {
  return Object.entries(wanted).every(([key, value]) => canonical(old[key]) === canonical(value));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>)
            .filter(([, v]) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0) && !isEmptyObject(v))
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

export function describeDeploy(result: DeployResult): string {
  const where = result.target === 'global' ? 'globally (may take up to an hour to appear)' : `to server ${result.target.guildId}`;
  const line = (label: string, names: string[]) => `  ${label}: ${names.length > 0 ? names.map((n) => `/${n}`).join(', ') : '—'}`;
  return [
    `Registered ${result.added.length + result.updated.length + result.unchanged.length} commands ${where}.`,
    line('added', result.added),
    line('updated', result.updated),
    line('removed', result.removed),
    line('unchanged', result.unchanged),
  ].join('\n');
}
