import type { AutocompleteSource } from '../core/command.js';
import { ENTRY_KINDS, type EntryKind } from '../catalog/schema.js';

/**
 * Which kinds of entry each lookup looks among. /model also finds concepts
 * (people ask "/model pruning"); /dataset finds tasks, which list datasets.
 * Commands and autocomplete share this, so suggestions match what runs.
 */
export const KINDS_FOR: Record<Exclude<AutocompleteSource, 'command' | 'timezone'>, readonly EntryKind[]> = {
  model: ['model', 'concept'],
  dataset: ['task', 'dataset'],
  topic: ['topic'],
  any: ENTRY_KINDS,
};

/** Which command shows an entry of each kind. */
export const COMMAND_FOR_KIND: Record<EntryKind, string> = {
  model: 'model',
  concept: 'model',
  dataset: 'dataset',
  task: 'dataset',
  topic: 'topic',
};
