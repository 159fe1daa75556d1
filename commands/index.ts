import type { Command } from '../src/core/command.js';
import model from './model.js';
import dataset from './dataset.js';
import topic from './topic.js';
import search from './search.js';
import settings from './settings.js';
import help from './help.js';
import quiz from './quiz/index.js';
import summarize from './summarize.js';
import reading from './reading/index.js';

/** Every command, in the order /help lists them. The registry rejects duplicates. */
export const commands: readonly Command[] = [model, dataset, topic, search, summarize, quiz, reading, settings, help];
