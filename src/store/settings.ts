import type { Lang } from '../i18n/index.js';
import type { Db } from './db.js';
import { systemClock, type Clock } from '../core/clock.js';

export interface PlaceSettings {
  language?: Lang;
  timezone?: string;
}

interface Row {
  language: Lang | null;
  timezone: string | null;
}

/** Per-place settings. Callers validate values first; this only stores them. */
export class SettingsStore {
  private readonly select;
  private readonly upsert;
  private readonly change;

  constructor(
    db: Db,
    private readonly clock: Clock = systemClock,
  ) {
    this.select = db.prepare<[string], Row>('SELECT language, timezone FROM place_settings WHERE place = ?');
    this.upsert = db.prepare<[string, string | null, string | null, string]>(
      `INSERT INTO place_settings (place, language, timezone, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (place) DO UPDATE SET language = excluded.language, timezone = excluded.timezone, updated_at = excluded.updated_at`,
    );
    // IMMEDIATE takes the write lock before the read: the one-shot CLI and a running
    // bot changing different settings of one place at once both keep their change.
    this.change = db.transaction((place: string, change: PlaceSettings): PlaceSettings => {
      const next = { ...this.get(place), ...change };
      this.upsert.run(place, next.language ?? null, next.timezone ?? null, this.clock.now().toISOString());
      return next;
    });
  }

  get(place: string): PlaceSettings {
    const row = this.select.get(place);
    if (!row) return {};
    const settings: PlaceSettings = {};
    if (row.language) settings.language = row.language;
    if (row.timezone) settings.timezone = row.timezone;
    return settings;
  }

  /** Changes the given settings and keeps the others. */
  update(place: string, change: PlaceSettings): PlaceSettings {
    return this.change.immediate(place, change);
  }
}
