import type { CommandOption } from '../../core/command.js';
import type { DispatchServices } from '../../core/dispatch.js';
import { splitCommandLine } from '../../core/parse-text.js';
import { KINDS_FOR } from '../../present/kinds.js';
import { completeTimeZones } from '../../core/timezone-suggest.js';

type Services = Pick<DispatchServices, 'registry' | 'catalog'>;

/**
 * Tab completion for the console chat, like Discord's autocomplete: command
 * names after "/", then values for the option being typed — `name:` picks the
 * option, otherwise the first option that has something to offer. Returns
 * readline's [candidates, the text they replace].
 */
export function completeLine(line: string, services: Services): [string[], string] {
  if (line.trim() === '/') return [services.registry.names().map((name) => `/${name} `), line];
  const split = splitCommandLine(line);
  if (!split) return [[], line];
  if (!/\s/.test(line.trimStart())) {
    const names = services.registry.names().filter((name) => name.startsWith(split.command));
    return [names.map((name) => `/${name} `), line];
  }
  const options = services.registry.get(split.command)?.options ?? [];
  const named = /^(?:.*\s)?([a-z][a-z0-9_-]*):(\S*)$/s.exec(split.text);
  const target = named && options.find((option) => option.name === named[1]);
  const typed = target ? (named[2] ?? '') : split.text;
  const base = line.slice(0, line.length - typed.length);
  const candidates = target ? valuesFor(target, typed, services) : firstNonEmpty(options.map((option) => () => valuesFor(option, typed, services)));
  return [[...new Set(candidates)].map((value) => `${base}${value}`), line];
}

function valuesFor(option: CommandOption, typed: string, { catalog }: Services): string[] {
  if (option.choices) return option.choices.map((choice) => choice.value).filter((value) => value.startsWith(typed.toLowerCase()));
  const source = option.autocomplete;
  if (!source || source === 'command') return [];
  if (source === 'timezone') return completeTimeZones(typed, 25);
  return catalog.search.complete(typed, { kinds: KINDS_FOR[source], limit: 25, descriptions: true }).map((hit) => catalog.displayName(hit.id, 'en'));
}

function firstNonEmpty(lists: (() => string[])[]): string[] {
  for (const list of lists) {
    const values = list();
    if (values.length > 0) return values;
  }
  return [];
}
