import type { Command } from './command.js';

/** How a command is typed where no platform says otherwise (Discord, the console). */
export const plainSlash = (name: string): string => `/${name}`;

/**
 * "/search <query> [page:N]": required options in <>, optional in [].
 * `typed` adds the page:N that only typed front ends (console, Slack) accept;
 * Discord pages with buttons alone. `slash` names the command as the platform
 * needs it typed ("/yomikai topic" on Slack).
 */
export function usageLine(command: Command, typed = true, slash: (name: string) => string = plainSlash): string {
  if (command.subcommands) return `${slash(command.name)} <${command.subcommands.map((s) => s.name).join('|')}>`;
  const options = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [slash(command.name), ...options, ...(typed && command.paged ? ['[page:N]'] : [])].join(' ');
}
