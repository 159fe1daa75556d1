import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app.js';
import { DatabaseError } from '../../src/store/database-error.js';
import { allMigrations } from '../../src/app.js';

const migrations = allMigrations();
import { SettingsStore, type PlaceSettings } from '../../src/store/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'yomikai-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storage', () => {
  it('migrates a new file to the latest version in WAL mode', () => {
    const db = openAppDatabase(join(dir, 'new.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps settings across a restart and updates one field without losing the other', () => {
    const file = join(dir, 'restart.db');
    const first = openAppDatabase(file);
    new SettingsStore(first).update('discord:1', { language: 'ja', timezone: 'Asia/Tokyo' });
    first.close();
    const second = openAppDatabase(file);
    const store = new SettingsStore(second);
    expect(store.get('discord:1')).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
    store.update('discord:1', { timezone: 'Europe/Berlin' });
    expect(store.get('discord:1')).toEqual({ language: 'ja', timezone: 'Europe/Berlin' });
    expect(store.get('slack:T1')).toEqual({});
    second.close();
  });

  it('refuses a database from a newer yomikai rather than guessing', () => {
    const file = join(dir, 'future.db');
    const db = openAppDatabase(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openAppDatabase(file)).toThrow(DatabaseError);
    expect(() => openAppDatabase(file)).toThrow(`The database ${file} was written by a newer yomikai (schema version ${migrations.length + 1}`);
  });
});

/** A store that lets a test act between the read and the write of update(). */
class PausingStore extends SettingsStore {
  betweenReadAndWrite: (() => void) | undefined;

  override get(place: string): PlaceSettings {
    const current = super.get(place);
    const pause = this.betweenReadAndWrite;
    this.betweenReadAndWrite = undefined;
    pause?.();
    return current;
  }
}

describe('two processes changing one place', () => {
  it('keeps both changes when the CLI changes the time zone while the bot is changing the language', () => {
    const file = join(dir, 'shared.db');
    const botDb = openAppDatabase(file);
    const cliDb = openAppDatabase(file);
    // The CLI's connection gives up at once instead of waiting, so one thread can show where it would have waited.
    cliDb.pragma('busy_timeout = 0');
    const bot = new PausingStore(botDb);
    const cli = new SettingsStore(cliDb);
    bot.update('discord:1', { language: 'en', timezone: 'UTC' });

    let cliSawTheLock: unknown;
    bot.betweenReadAndWrite = () => {
      try {
        cli.update('discord:1', { timezone: 'Asia/Tokyo' });
      } catch (error) {
        cliSawTheLock = error;
      }
    };
    bot.update('discord:1', { language: 'ja' });
    // The CLI could not slip its write between the bot's read and write: it had to wait (busy_timeout does that in
    // real use) …
    expect(cliSawTheLock).toMatchObject({ code: 'SQLITE_BUSY' });
    // … and once the bot's change is in, the CLI's goes on top of it, so neither is lost.
    cli.update('discord:1', { timezone: 'Asia/Tokyo' });
    expect(bot.get('discord:1')).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
    expect(cli.get('discord:1')).toEqual({ language: 'ja', timezone: 'Asia/Tokyo' });
    botDb.close();
    cliDb.close();
  });

  it('keeps every field when two connections take turns changing different ones', () => {
    const file = join(dir, 'turns.db');
    const [first, second] = [openAppDatabase(file), openAppDatabase(file)];
    const [a, b] = [new SettingsStore(first), new SettingsStore(second)];
    a.update('slack:T1', { language: 'ja' });
    b.update('slack:T1', { timezone: 'Europe/Berlin' });
    a.update('slack:T1', { language: 'en' });
    b.update('slack:T1', { timezone: 'America/New_York' });
    expect(a.get('slack:T1')).toEqual({ language: 'en', timezone: 'America/New_York' });
    first.close();
    second.close();
  });
});
