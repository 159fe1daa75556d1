import type { Command } from './command.js';

/**
 * The one list of commands. Throws at start on a duplicate name or a command
 * without a handler, so a mistake never ships as a silent missing command.
 */
export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: readonly Command[]) {
    for (const command of commands) {
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(command.name)) {
        throw new Error(`Command name "${command.name}" must be 1–32 lower-case letters, digits or dashes.`);
      }
      if (this.byName.has(command.name)) throw new Error(`Two commands are named "${command.name}".`);
      if (typeof command.execute !== 'function') throw new Error(`Command "${command.name}" has no execute().`);
      const names = new Set<string>();
      for (const option of command.options) {
        if (names.has(option.name)) throw new Error(`Command "${command.name}" has two options named "${option.name}".`);
        names.add(option.name);
      }
      this.byName.set(command.name, command);
    }
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  all(): Command[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
