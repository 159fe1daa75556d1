import type { Command } from './command.js';

/**
 * "/search <query> [page:N]": required options in <>, optional in [].
 * `typed` adds the page:N that only typed front ends (console, Slack) accept;
 * Discord pages with buttons alone.
 */
export function usageLine(command: Command, typed = true): string {
  const options = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${command.name}`, ...options, ...(typed && command.paged ? ['[page:N]'] : [])].join(' ');
}
