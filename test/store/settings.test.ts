import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations.js';
import { SettingsStore } from '../../src/store/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'yomikai-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storage', () => {
  it('migrates a new file to the latest version in WAL mode', () => {
    const db = openDatabase(join(dir, 'new.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps settings across a restart and updates one field without losing the other', () => {
    const file = join(dir, 'restart.db');
    const first = openDatabase(file);
    new SettingsStore(first).update('discord:1', { language: 'ja', timezone: 'Asia/Tokyo' });
    first.close();
    const second = openDatabase(file);
    const store = new SettingsStore(second);
    expect(store.get('discord:1')).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
    store.update('discord:1', { timezone: 'Europe/Berlin' });
    expect(store.get('discord:1')).toEqual({ language: 'ja', timezone: 'Europe/Berlin' });
    expect(store.get('slack:T1')).toEqual({});
    second.close();
  });

  it('refuses a database from a newer yomikai rather than guessing', () => {
    const file = join(dir, 'future.db');
    const db = openDatabase(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this yomikai/);
  });
});
