import type { Command, Subcommand } from './command.js';
import { closestNames } from './closest.js';
import { UserError } from './errors.js';

/**
 * A command with subcommands behaves, once its verb is known, like a command
 * of its own named "quiz schedule": validation, usage lines, examples and
 * errors all work on that, unchanged.
 */
export function asCommand(parent: Command, sub: Subcommand): Command {
  return {
    name: `${parent.name} ${sub.name}`,
    description: sub.description,
    example: sub.example,
    options: sub.options,
    ...(sub.needsManager ? { needsManager: true } : {}),
    ...(sub.asksManager ? { asksManager: true } : {}),
    execute: sub.execute,
  };
}

/**
 * The command to run for an invocation: the command itself, or its verb.
 * A missing or unknown verb is a UserError listing the real ones.
 */
export function resolveCommand(command: Command, subcommand: string | undefined, slash: (name: string) => string, example: string): Command {
  const subs = command.subcommands;
  if (!subs || subs.length === 0) return command;
  const names = subs.map((s) => s.name);
  if (subcommand === undefined || subcommand === '') {
    throw new UserError('error.missingSubcommand', { command: command.name, names: names.join(', '), example }, []);
  }
  const wanted = subcommand.toLowerCase();
  const sub = subs.find((s) => s.name === wanted);
  if (!sub) {
    const suggestions = closestNames(wanted, names).map((name) => `${slash(command.name)} ${name}`);
    throw new UserError('error.unknownSubcommand', { command: command.name, name: wanted.slice(0, 30), names: names.join(', ') }, suggestions);
  }
  return asCommand(command, sub);
}

/** True when running this (resolved) command needs a manager, given the options it was called with. */
export function needsManager(command: Command | undefined, options: Readonly<Record<string, unknown>>): boolean {
  if (!command) return false;
  if (command.needsManager) return true;
  if (command.needsManagerFor?.(options)) return true;
  return Boolean(command.managesPlace) && Object.values(options).some((value) => value !== undefined);
}

/** The command an invocation runs (its verb, where it has one), or undefined for an unknown name or verb. */
export function resolvedCommand(
  services: { registry: { get(name: string): Command | undefined } },
  invocation: { command: string; subcommand?: string },
): Command | undefined {
  const command = services.registry.get(invocation.command);
  if (!command?.subcommands) return command;
  const sub = command.subcommands.find((s) => s.name === invocation.subcommand);
  return sub ? asCommand(command, sub) : command;
}
