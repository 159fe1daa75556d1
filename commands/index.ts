import type { Command } from '../src/core/command.js';
import model from './model.js';
import dataset from './dataset.js';
import topic from './topic.js';
import search from './search.js';
import settings from './settings.js';
import help from './help.js';

/**
 * Every command, in the order /help lists them: the catalog lookups, then
 * each feature's commands (the app lists the features, src/app.ts), then the
 * place's settings and help. The registry rejects duplicates.
 */
export function commandList(features: readonly Command[]): readonly Command[] {
  return [model, dataset, topic, search, ...features, settings, help];
}
