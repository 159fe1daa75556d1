import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app.js';
import { healthCheck } from '../../src/adapters/health-check.js';
import { ManualClock } from '../../src/core/clock.js';
import type { PlatformLiveness } from '../../src/core/health.js';

/**
 * GET /health's verdict over a real database file: each failing part gives
 * its own reason, and only all parts up give ok.
 */
const dir = mkdtempSync(join(tmpdir(), 'yomikai-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'yomikai.db');
const db = openAppDatabase(file);
afterAll(() => db.close());

function platform(name: string, up: boolean): PlatformLiveness {
  return { platform: name, isUp: () => up };
}

const START = new Date('2026-03-02T09:00:00Z');

describe('health check', () => {
  it('is ok when every platform is up, the database takes a write and the scheduler ticked a minute ago', () => {
    const clock = new ManualClock(START);
    const check = healthCheck({ db, clock, lastTick: () => START }, [platform('discord', true), platform('slack', true)]);
    clock.advance(60_000);
    expect(check()).toEqual({ ok: true, reasons: [], platforms: { discord: 'up', slack: 'up' }, lastTick: START.toISOString() });
    // The write was rolled back: no probe table is left behind.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'health_write_probe'").all()).toEqual([]);
  });

  it('names the platform that is down', () => {
    const clock = new ManualClock(START);
    const report = healthCheck({ db, clock, lastTick: () => START }, [platform('discord', false), platform('slack', true)])();
    expect(report.ok).toBe(false);
    expect(report.reasons).toEqual(['discord: not connected']);
    expect(report.platforms).toEqual({ discord: 'down', slack: 'up' });
  });

  it('says the database is not writable when SQLite may only read it', () => {
    const readOnly = new Database(file, { readonly: true });
    try {
      const report = healthCheck({ db: readOnly, clock: new ManualClock(START), lastTick: () => START }, [platform('discord', true)])();
      expect(report.ok).toBe(false);
      expect(report.reasons).toEqual([expect.stringMatching(/^database: not writable \(SQLITE_READONLY/)]);
      expect(readOnly.inTransaction).toBe(false);
    } finally {
      readOnly.close();
    }
  });

  it('fails when the last tick is more than 2 minutes old, or there was none', () => {
    const clock = new ManualClock(START);
    const check = healthCheck({ db, clock, lastTick: () => START }, [platform('discord', true)]);
    clock.advance(120_000);
    expect(check().ok).toBe(true);
    clock.advance(1_000);
    expect(check().reasons).toEqual(['scheduler: last tick 121 s ago (more than 120 s)']);
    expect(healthCheck({ db, clock, lastTick: () => undefined }, [])().reasons).toEqual(['scheduler: has not ticked yet']);
  });
});
