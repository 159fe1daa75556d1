import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ManualClock } from '../../src/core/clock.js';
import { ADMIN, PLACE, quizHarness, tickUntil, type Harness } from './harness.js';
import { instanceId, postKeys } from '../../src/store/instance.js';

const FIVE_MINUTES = 5 * 60_000;

/** Every round the channel got, as local "date time" strings in the zone. */
function postedLocal(h: Harness, zone: string): string[] {
  const rows = h.db.prepare("SELECT posted_at FROM quiz_rounds WHERE state != 'abandoned' ORDER BY local_date").all() as { posted_at: string }[];
  return rows.map((row) => DateTime.fromISO(row.posted_at, { zone }).toFormat('yyyy-MM-dd HH:mm'));
}

const DST_CASES = [
  // zone, a start a few days before the change, the change's date (for the reader)
  { zone: 'America/New_York', start: '2027-03-11T12:00:00Z', note: 'spring forward 2027-03-14' },
  { zone: 'America/New_York', start: '2026-10-29T12:00:00Z', note: 'fall back 2026-11-01' },
  { zone: 'Europe/Berlin', start: '2027-03-25T12:00:00Z', note: 'spring forward 2027-03-28' },
  { zone: 'Europe/Berlin', start: '2026-10-22T12:00:00Z', note: 'fall back 2026-10-25' },
  { zone: 'Asia/Tokyo', start: '2027-03-11T12:00:00Z', note: 'no DST' },
  { zone: 'Asia/Tokyo', start: '2026-10-22T12:00:00Z', note: 'no DST' },
];

describe('quiz rounds fire at local time', () => {
  for (const { zone, start, note } of DST_CASES) {
    it(`09:00 in ${zone} across ${note}: one round per local day, each at 09:00 local`, async () => {
      const clock = new ManualClock(start);
      const h = quizHarness({ clock });
      h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: zone }, 'UTC');
      await tickUntil(h, new Date(new Date(start).getTime() + 7 * 86_400_000), FIVE_MINUTES);
      const posted = postedLocal(h, zone);
      expect(posted).toHaveLength(7);
      for (const local of posted) expect(local.endsWith(' 09:00')).toBe(true);
      expect(new Set(posted.map((p) => p.slice(0, 10))).size).toBe(7);
      expect(h.adapter.rounds()).toHaveLength(7);
    });
  }

  it('a days: list skips the other days', async () => {
    const clock = new ManualClock('2026-12-06T15:00:00Z'); // Sunday evening UTC = Monday 00:00 Tokyo
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '08:30', timezone: 'Asia/Tokyo', days: 'mon,wed,fri' }, 'UTC');
    await tickUntil(h, '2026-12-13T15:00:00Z', FIVE_MINUTES);
    const days = postedLocal(h, 'Asia/Tokyo').map((p) => DateTime.fromFormat(p, 'yyyy-MM-dd HH:mm', { zone: 'Asia/Tokyo' }).toFormat('ccc HH:mm'));
    expect(days).toEqual(['Mon 08:30', 'Wed 08:30', 'Fri 08:30']);
  });

  it('weekdays only: nothing on Saturday or Sunday', async () => {
    const clock = new ManualClock('2026-12-04T00:00:00Z');
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '12:00', timezone: 'Europe/Berlin', days: 'weekdays' }, 'UTC');
    await tickUntil(h, '2026-12-09T00:00:00Z', FIVE_MINUTES);
    const days = postedLocal(h, 'Europe/Berlin').map((p) => DateTime.fromFormat(p, 'yyyy-MM-dd HH:mm', { zone: 'Europe/Berlin' }).toFormat('ccc'));
    expect(days).toEqual(['Fri', 'Mon', 'Tue']);
  });

  it('a time inside the spring-forward gap still posts once that day', async () => {
    const clock = new ManualClock('2027-03-13T12:00:00Z');
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '02:30', timezone: 'America/New_York' }, 'UTC');
    await tickUntil(h, '2027-03-16T12:00:00Z', FIVE_MINUTES);
    const posted = postedLocal(h, 'America/New_York');
    expect(posted.map((p) => p.slice(0, 10))).toEqual(['2027-03-14', '2027-03-15', '2027-03-16']);
    expect(posted[0]).toBe('2027-03-14 03:30');
  });

  it('each round is revealed after reveal_after, or just before the next round', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '2h' }, 'UTC');
    await tickUntil(h, '2026-12-02T12:00:00Z', FIVE_MINUTES);
    const revealed = h.db.prepare('SELECT local_date, revealed_at FROM quiz_rounds ORDER BY local_date').all();
    expect(revealed).toEqual([
      { local_date: '2026-12-01', revealed_at: '2026-12-01T11:00:00.000Z' },
      { local_date: '2026-12-02', revealed_at: '2026-12-02T11:00:00.000Z' },
    ]);
    // reveal_after longer than a day: the reveal comes one minute before the next round, and is posted first.
    const long = quizHarness({ clock: new ManualClock('2026-12-01T00:00:00Z') });
    long.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '2d' }, 'UTC');
    await tickUntil(long, '2026-12-02T09:30:00Z');
    const first = long.db.prepare("SELECT revealed_at FROM quiz_rounds WHERE local_date = '2026-12-01'").get();
    expect(first).toEqual({ revealed_at: '2026-12-02T08:59:00.000Z' });
    const keys = postKeys(instanceId(long.db));
    expect(long.adapter.posts.map((p) => p.key)).toEqual([keys.round(1), keys.reveal(1), keys.round(2)]);
    expect(long.adapter.reveals()).toHaveLength(1);
  });
});
