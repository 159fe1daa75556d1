import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { ADMIN, PLACE, quizHarness, tickUntil, type Harness } from './harness.js';

const localDates = (h: Harness) => h.adapter.rounds().map((post) => post.reply.title);

/** A channel on 09:00 Asia/Tokyo since the evening before: its 1 December round is due at 00:00 UTC. */
function tokyoChannel(): Harness {
  const h = quizHarness({ clock: new ManualClock('2026-11-30T12:00:00Z') });
  h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'Asia/Tokyo' }, 'UTC');
  return h;
}

describe('changing a quiz schedule before the day’s round', () => {
  it('a new zone whose 09:00 has just passed: the day’s round comes at once, and only once', async () => {
    const h = tokyoChannel();
    // 08:30 in Tokyo; in Sydney it is already 10:30 on 1 December (09:00 was 90 minutes ago, inside the grace window).
    await tickUntil(h, '2026-11-30T23:30:00Z');
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'Australia/Sydney' }, 'UTC');
    await tickUntil(h, '2026-11-30T23:31:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-01']);
    // Tokyo's old 09:00 passes: no second round for the day.
    await tickUntil(h, '2026-12-01T01:00:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-01']);
  });

  it('a new time still ahead: the day’s round comes at the new time, not also at the old one', async () => {
    const h = tokyoChannel();
    await tickUntil(h, '2026-11-30T23:30:00Z');
    h.service.schedule(PLACE, ADMIN, { time: '08:45', timezone: 'Asia/Tokyo' }, 'UTC');
    await tickUntil(h, '2026-11-30T23:44:00Z');
    expect(localDates(h)).toEqual([]);
    await tickUntil(h, '2026-12-01T01:00:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-01']);
  });

  it('after the day’s round was posted, a change to a time already past does not post the day again', async () => {
    const h = tokyoChannel();
    await tickUntil(h, '2026-12-01T01:00:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-01']);
    h.service.schedule(PLACE, ADMIN, { time: '09:30', timezone: 'Asia/Tokyo' }, 'UTC');
    await tickUntil(h, '2026-12-01T02:00:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-01']);
  });

  it('a schedule started after today’s time, or started again after a stop, does not post today late', async () => {
    const h = quizHarness({ clock: new ManualClock('2026-12-01T00:30:00Z') }); // 09:30 in Tokyo
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'Asia/Tokyo' }, 'UTC');
    await tickUntil(h, '2026-12-01T01:00:00Z');
    expect(localDates(h)).toEqual([]);
    h.service.stop(PLACE);
    h.service.schedule(PLACE, ADMIN, { time: '09:15', timezone: 'Asia/Tokyo' }, 'UTC');
    await tickUntil(h, '2026-12-01T02:00:00Z');
    expect(localDates(h)).toEqual([]);
    await tickUntil(h, '2026-12-02T00:16:00Z');
    expect(localDates(h)).toEqual(['Daily quiz · 2026-12-02']);
  });
});
