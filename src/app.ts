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
 * Loads the catalog before opening the database, so a broken catalog stops
 * start-up without touching any file.
 */
export function createApp(config: Config, logger: Logger): App {
  const catalog = loadCatalog(config.catalogDir);
  const registry = new CommandRegistry(commands);
  const db = openDatabase(config.dbPath);
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
