import type { Config } from './config.js';
import { loadCatalog } from './catalog/load.js';
import { CommandRegistry } from './core/registry.js';
import type { DispatchServices } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import { openDatabase, type Db } from './store/db.js';
import { SettingsStore } from './store/settings.js';
import { commands } from '../commands/index.js';

/** Everything the adapters share, built once: config → catalog → store → services. */
export interface App extends DispatchServices {
  config: Config;
  db: Db;
  close(): void;
}

/**
 * Opens the database before loading the catalog: a bad --db is the commonest
 * start-up mistake and opening takes milliseconds, while indexing the catalog
 * takes far longer, so the user hears about the file at once. A broken
 * catalog then leaves at most an empty, migrated database behind — the same
 * file the next start would create.
 */
export function createApp(config: Config, logger: Logger): App {
  const db = openDatabase(config.dbPath);
  let catalog;
  try {
    catalog = loadCatalog(config.catalogDir);
  } catch (error) {
    db.close();
    throw error;
  }
  const registry = new CommandRegistry(commands);
  let closed = false;
  return {
    config,
    db,
    catalog,
    registry,
    settings: new SettingsStore(db),
    logger,
    defaultLang: config.defaultLang,
    defaultTimezone: config.defaultTimezone,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
