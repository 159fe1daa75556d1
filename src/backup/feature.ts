import type { FeatureModule } from '../core/feature.js';
import { NightlyBackup } from './nightly.js';

export interface BackupOptions {
  /** The database file the app has open. */
  dbFile: string;
  /** YOMIKAI_BACKUP_DIR / _KEEP; undefined when nightly backups are off. */
  nightly?: { dir: string; keep: number };
}

/**
 * Nightly backups in the running bot (YOMIKAI_BACKUP_DIR): scheduled work
 * only — no commands, no buttons. Its table, backup_nights, is the store's
 * migration 0008 (src/store/migrations.ts), since backups are the store's business.
 */
export const backupFeature = {
  name: 'backup',
  migrations: [],
  create(host, options) {
    if (!options.nightly) return { name: 'backup', services: {} };
    const nightly = new NightlyBackup({ db: host.db, dbFile: options.dbFile, ...options.nightly, zone: host.defaults.timezone, clock: host.clock, logger: host.logger });
    return { name: 'backup', services: {}, tick: () => nightly.tick(), idle: () => nightly.idle() };
  },
} satisfies FeatureModule<Record<string, never>, BackupOptions>;
