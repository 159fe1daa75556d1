import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({}, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('nightly backup settings', () => {
  it('are off unless YOMIKAI_BACKUP_DIR is set, and keep 7 by default', () => {
    expect(loadConfig({}, {}).backup).toBeUndefined();
    expect(loadConfig({}, { YOMIKAI_BACKUP_DIR: 'backups' }).backup).toEqual({ dir: resolve('backups'), keep: 7 });
    expect(loadConfig({}, { YOMIKAI_BACKUP_DIR: 'b', YOMIKAI_BACKUP_KEEP: '365' }).backup?.keep).toBe(365);
  });

  it('refuse a KEEP out of 1–365, a KEEP without a folder, and a folder for an in-memory database', () => {
    expect(problems({ YOMIKAI_BACKUP_DIR: 'b', YOMIKAI_BACKUP_KEEP: '0' })).toEqual(['YOMIKAI_BACKUP_KEEP="0" is not valid: expected at least 1.']);
    expect(problems({ YOMIKAI_BACKUP_DIR: 'b', YOMIKAI_BACKUP_KEEP: '366' })).toEqual(['YOMIKAI_BACKUP_KEEP="366" is not valid: expected at most 365.']);
    expect(problems({ YOMIKAI_BACKUP_DIR: 'b', YOMIKAI_BACKUP_KEEP: '2.5' })).toEqual(['YOMIKAI_BACKUP_KEEP="2.5" is not valid: expected a whole number of backups.']);
    expect(problems({ YOMIKAI_BACKUP_KEEP: '3' })).toEqual(['YOMIKAI_BACKUP_KEEP is set but YOMIKAI_BACKUP_DIR is not: set the folder for nightly backups too, or unset YOMIKAI_BACKUP_KEEP.']);
    expect(problems({ YOMIKAI_BACKUP_DIR: 'b', YOMIKAI_DB: ':memory:' })).toEqual(['YOMIKAI_BACKUP_DIR is set but YOMIKAI_DB is ":memory:": there is no file to back up; unset YOMIKAI_BACKUP_DIR or name a database file.']);
  });
});
