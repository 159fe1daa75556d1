import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { EntryKind } from '../../catalog/schema.js';
import type { AutocompleteSource } from '../../core/command.js';
import type { CommandRegistry } from '../../core/registry.js';
import { translateDynamic, type Lang } from '../../i18n/index.js';
import { KINDS_FOR } from '../../present/kinds.js';
import { completeTimeZones } from '../../core/timezone-suggest.js';
import { LIMITS } from './limits.js';
import { clipUnits } from './text.js';


export type Choice = APIApplicationCommandOptionChoice<string>;

/**
 * Suggestions while a user types an option, ranked by the same search the
 * commands use. The value is the entry's name in the reader's language, which
 * the command resolves back to the same entry. Empty text offers the first
 * entries in catalog order, so the list is never blank.
 */
export function autocompleteChoices(
  source: AutocompleteSource,
  text: string,
  lang: Lang,
  services: { catalog: Catalog; registry: CommandRegistry },
): Choice[] {
  if (source === 'command') return commandChoices(text, services.registry);
  if (source === 'timezone') return completeTimeZones(text, LIMITS.choices).map((zone) => ({ name: zone, value: zone }));
  const { catalog } = services;
  const kinds = KINDS_FOR[source];
  const typed = text.trim();
  const entries = typed === '' ? inCatalogOrder(catalog, kinds) : catalog.search.complete(typed, { kinds, limit: LIMITS.choices, descriptions: true });
  // Label the kind only where kinds mix, so "Kinetics · Dataset" is told apart from a task.
  const label = kinds.length > 1;
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const { id, kind } of entries) {
    const value = clipUnits(catalog.displayName(id, lang), LIMITS.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    const name = label ? `${value} · ${translateDynamic(lang, `kind.${kind}`)}` : value;
    choices.push({ name: clipUnits(name, LIMITS.choiceName), value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}

function inCatalogOrder(catalog: Catalog, kinds: readonly EntryKind[]): { id: string; kind: EntryKind }[] {
  const lists: Record<EntryKind, readonly { id: string }[]> = {
    topic: catalog.topics,
    task: catalog.tasks,
    model: catalog.models,
    dataset: catalog.datasets,
    concept: catalog.concepts,
  };
  return kinds.flatMap((kind) => lists[kind].map(({ id }) => ({ id, kind }))).slice(0, LIMITS.choices);
}

/** Command names: prefix matches first, then names containing the text. */
function commandChoices(text: string, registry: CommandRegistry): Choice[] {
  const typed = text.trim().replace(/^\//, '').toLowerCase();
  const names = registry.names();
  const ranked = [...names.filter((n) => n.startsWith(typed)), ...names.filter((n) => !n.startsWith(typed) && n.includes(typed))];
  return ranked.slice(0, LIMITS.choices).map((name) => ({ name: `/${name}`, value: name }));
}
