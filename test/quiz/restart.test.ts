import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { openAppDatabase } from '../../src/app.js';
import { ADMIN, PLACE, quizHarness, RecordingAdapter, sampleBank, tickUntil } from './harness.js';
import { channelKeyOf } from '../../src/core/invocation.js';

const dirs: string[] = [];
function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-quiz-'));
  dirs.push(dir);
  return join(dir, 'quiz.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A "process": its own connection, runner and service on the shared file, and the platform's memory of posts. */
function boot(file: string, clock: ManualClock, adapter: RecordingAdapter, graceMinutes = 120) {
  return quizHarness({ db: openAppDatabase(file), clock, adapter, graceMinutes });
}

describe('quiz restarts', () => {
  it('in the middle of a round: answers are kept and the reveal happens once', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const discord = new RecordingAdapter();
    const first = boot(file, clock, discord);
    first.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '3h' }, 'UTC');
    await tickUntil(first, '2026-12-01T09:00:00Z');
    const round = first.rounds.openIn(channelKeyOf(PLACE));
    expect(round).toBeDefined();
    for (const user of ['u1', 'u2', 'u3']) first.service.answer(round!.id, { id: user, name: user }, round!.correctChoice);
    first.db.close(); // the process dies

    const second = boot(file, clock, discord);
    expect(second.answers.countFor(round!.id)).toBe(3);
    await tickUntil(second, '2026-12-01T13:00:00Z');
    const third = boot(file, clock, discord); // and once more, after the reveal
    await tickUntil(third, '2026-12-01T14:00:00Z');
    expect(discord.reveals()).toHaveLength(1);
    expect(discord.rounds()).toHaveLength(1);
    expect(second.rounds.get(round!.id)?.state).toBe('revealed');
  });

  it('a crash between claim and record: the re-post inside the grace window reuses the first message', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T08:58:00Z');
    const discord = new RecordingAdapter();
    const first = boot(file, clock, discord);
    first.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    // The platform took the post, then the process died before recording the message id.
    await tickUntil(first, '2026-12-01T09:00:00Z');
    first.db.prepare("UPDATE quiz_rounds SET state = 'claimed', message_id = NULL, posted_at = NULL").run();
    first.db.close();

    clock.set('2026-12-01T09:05:00Z'); // after the dead process's lease ran out
    const second = boot(file, clock, discord);
    await second.runner.tick();
    expect(discord.rounds()).toHaveLength(1);
    const [row] = second.db.prepare('SELECT state, message_id FROM quiz_rounds').all() as { state: string; message_id: string }[];
    expect(row).toEqual({ state: 'open', message_id: discord.rounds()[0]?.messageId });
  });

  it('a missed time within the grace window is posted once; beyond it, that day is skipped', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T08:00:00Z');
    const discord = new RecordingAdapter();
    const first = boot(file, clock, discord, 120);
    first.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    first.db.close(); // down over 09:00

    clock.set('2026-12-01T10:30:00Z'); // 90 minutes late: inside a 2 h grace window
    const second = boot(file, clock, discord, 120);
    await second.runner.tick();
    await second.runner.tick();
    expect(discord.rounds()).toHaveLength(1);
    second.db.close();

    clock.set('2026-12-02T11:30:00Z'); // the next day, 150 minutes late: outside
    const third = boot(file, clock, discord, 120);
    await third.runner.tick();
    expect(discord.rounds()).toHaveLength(1);
    // The stale round of the 1st is revealed on the way.
    expect(discord.reveals()).toHaveLength(1);
    await tickUntil(third, '2026-12-03T09:00:00Z');
    expect(discord.rounds()).toHaveLength(2);
  });

  it('two processes ticking around the posting time post one round', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T08:59:00Z');
    const discord = new RecordingAdapter();
    const a = boot(file, clock, discord);
    const b = boot(file, clock, discord);
    a.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    clock.set('2026-12-01T09:00:00Z');
    await Promise.all([a.runner.tick(), b.runner.tick(), a.runner.tick(), b.runner.tick()]);
    clock.set('2026-12-01T09:00:40Z'); // a restart within the same minute
    const c = boot(file, clock, discord);
    await c.runner.tick();
    expect(discord.rounds()).toHaveLength(1);
    expect(a.db.prepare('SELECT count(*) AS n FROM quiz_rounds').get()).toEqual({ n: 1 });
  });

  it('a transient failure is retried with backoff and posts once', async () => {
    const clock = new ManualClock('2026-12-01T08:59:00Z');
    const h = quizHarness({ clock, bank: sampleBank() });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    h.adapter.failNext = { count: 2, reason: 'failed' };
    await tickUntil(h, '2026-12-01T09:10:00Z');
    expect(h.adapter.rounds()).toHaveLength(1);
    expect(h.db.prepare('SELECT attempts, state FROM quiz_rounds').get()).toEqual({ attempts: 2, state: 'open' });
  });

  it('a channel that is gone disables its schedule, with a log line, and posts nothing more', async () => {
    const clock = new ManualClock('2026-12-01T08:59:00Z');
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    h.adapter.failNext = { count: 1, reason: 'channel-gone' };
    await tickUntil(h, '2026-12-03T10:00:00Z', 5 * 60_000);
    expect(h.adapter.posts).toHaveLength(0);
    expect(h.schedules.get(channelKeyOf(PLACE))).toMatchObject({ active: false, disabledReason: 'channel-gone' });
  });
});
