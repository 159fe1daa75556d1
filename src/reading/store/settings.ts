import type { Db } from '../../store/db.js';

/** Reminder offsets chosen per channel (minutes before the start; 0 = at the start). */
export class ReadingSettingsStore {
  private readonly read;
  private readonly write;

  constructor(db: Db) {
    this.read = db.prepare<[string], { offsets: string }>('SELECT offsets FROM reading_channel_settings WHERE channel_key = ?');
    this.write = db.prepare<[string, string]>(
      'INSERT INTO reading_channel_settings (channel_key, offsets) VALUES (?, ?) ON CONFLICT (channel_key) DO UPDATE SET offsets = excluded.offsets',
    );
  }

  offsets(channelKey: string): number[] | undefined {
    const row = this.read.get(channelKey);
    return row ? (JSON.parse(row.offsets) as number[]) : undefined;
  }

  setOffsets(channelKey: string, offsets: readonly number[]): void {
    this.write.run(channelKey, JSON.stringify(offsets));
  }
}
