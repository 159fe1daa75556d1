import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { ADMIN, PLACE, quizHarness, RecordingAdapter, tickUntil, type Harness } from './harness.js';

/**
 * The quiz runner under the faults real platforms have: a call that never
 * answers, a post that landed although we heard no answer, a worker whose
 * lease ran out while it waited, an outage longer than the grace window.
 * Each test names the guard it exists for; each fails without it.
 */

const CHAN2 = { ...PLACE, channel: 'chan2' };
const CHAN3 = { ...PLACE, channel: 'chan3' };
const dirs: string[] = [];

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-faults-'));
  dirs.push(dir);
  return join(dir, 'quiz.db');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A hang detector: a readable failure instead of the test's own timeout. It never decides a pass. */
function withinReason<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after 10 s — it is stuck behind another channel`)), 10_000);
  });
  return Promise.race([work, hung]).finally(() => clearTimeout(timer));
}

function roundState(h: Harness, channel: string) {
  return h.db.prepare('SELECT id, state, message_id, reveal_message_id, buttons_closed FROM quiz_rounds WHERE channel = ? ORDER BY id DESC LIMIT 1').get(channel) as
    | { id: number; state: string; message_id: string | null; reveal_message_id: string | null; buttons_closed: number }
    | undefined;
}

describe('one stuck call never stops the other channels', () => {
  it('a channel whose post hangs holds up only itself: the next minute’s tick posts elsewhere', async () => {
    // Guard: each channel's work runs on its own chain (PlaceWork) and a tick waits only for what it started.
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z') });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    h.service.schedule(CHAN2, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    h.service.schedule(CHAN3, ADMIN, { time: '09:01', timezone: 'UTC' }, 'UTC');
    const release = h.adapter.holdChannel('chan1');
    h.clock.set('2026-12-01T09:00:00Z');
    const stuck = h.runner.tick(); // chan1's post hangs
    h.clock.set('2026-12-01T09:01:00Z');
    await withinReason(h.runner.tick(), 'the 09:01 tick');
    expect(h.adapter.rounds().map((p) => p.channel).sort()).toEqual(['chan2', 'chan3']);
    expect(roundState(h, 'chan3')?.state).toBe('open');
    release();
    await stuck;
    expect(h.adapter.rounds().map((p) => p.channel).sort()).toEqual(['chan1', 'chan2', 'chan3']);
    expect(roundState(h, 'chan1')?.state).toBe('open');
  });

  it('a call that never answers counts as failed at its deadline; the retry finds the post that landed late and posts nothing', async () => {
    // Guards: the runner's deadline on every call, and `retry: true` (the duplicate check) on every post after the first.
    const adapter = new RecordingAdapter({ dedupe: false }); // Slack: no nonce, every post is a new message
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), adapter, callDeadlineMs: 50 });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    const release = adapter.holdChannel('chan1');
    h.clock.set('2026-12-01T09:00:00Z');
    await withinReason(h.runner.tick(), 'the tick with a hung post');
    expect(h.db.prepare('SELECT state, attempts FROM quiz_rounds').get()).toEqual({ state: 'claimed', attempts: 1 });
    release(); // the hung request reaches the platform after all
    await h.runner.idle();
    expect(adapter.rounds()).toHaveLength(1);
    await tickUntil(h, '2026-12-01T09:05:00Z');
    expect(adapter.rounds()).toHaveLength(1);
    expect(adapter.duplicates()).toEqual([]);
    expect(roundState(h, 'chan1')).toMatchObject({ state: 'open', message_id: adapter.rounds()[0]?.messageId });
  });
});

describe('leases that mean what they say', () => {
  it('a worker whose lease was taken over while it waited does not post the round', async () => {
    // Guard: the lease is renewed (owner-checked) right before each post, not only taken at the claim.
    const file = dbFile();
    const clock = new ManualClock('2026-11-30T08:59:00Z');
    const adapter = new RecordingAdapter({ dedupe: false });
    const a = quizHarness({ file, clock, adapter, worker: 'worker-a' });
    const b = quizHarness({ file, clock, adapter, worker: 'worker-b' });
    a.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '2d' }, 'UTC');
    clock.set('2026-11-30T09:00:00Z');
    await a.runner.tick(); // yesterday's round, still open today
    // Today: worker A claims the new round, then waits on the closing edit of yesterday's.
    const release = adapter.holdChannel('chan1');
    clock.set('2026-12-01T09:00:00Z');
    const slow = a.runner.tick();
    await waitFor(() => adapter.calls.includes('edit:chan1'));
    // Past A's lease, worker B (another process) takes the round over and starts posting it.
    clock.set('2026-12-01T09:03:00Z');
    const callsBefore = adapter.calls.length;
    const takeover = b.runner.tick();
    await waitFor(() => adapter.calls.slice(callsBefore).includes('post:chan1'));
    release();
    await Promise.all([slow, takeover]);
    await Promise.all([a.runner.idle(), b.runner.idle()]);
    expect(adapter.rounds()).toHaveLength(2); // yesterday's and today's, each once
    expect(adapter.duplicates()).toEqual([]);
    expect(adapter.reveals()).toHaveLength(1);
  });
});

describe('a posted round is always closed and revealed', () => {
  it('after a crash between post and record, a click counts, and a restart past the grace window finds the post and carries on', async () => {
    // Guards: answers accepted on a claimed round; the post looked for before a late round is abandoned.
    const h = quizHarness({ file: dbFile(), clock: new ManualClock('2026-12-01T08:59:00Z'), graceMinutes: 60 });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '6h' }, 'UTC');
    h.clock.set('2026-12-01T09:00:00Z');
    await h.runner.tick();
    const posted = roundState(h, 'chan1')!;
    // As kill -9 leaves it between "the platform took the post" and "we recorded it".
    h.db.prepare("UPDATE quiz_rounds SET state = 'claimed', message_id = NULL, posted_at = NULL, lease_until = NULL WHERE id = ?").run(posted.id);
    expect(h.service.answer(posted.id, { id: 'u1', name: 'Aiko' }, 0)).toBe('recorded');
    h.clock.set('2026-12-01T11:00:00Z'); // the bot is back two hours later: past the 60-minute grace
    await h.runner.tick();
    expect(roundState(h, 'chan1')).toMatchObject({ state: 'open', message_id: posted.message_id });
    expect(h.adapter.rounds()).toHaveLength(1);
    await tickUntil(h, '2026-12-01T15:05:00Z', 5 * 60_000);
    expect(roundState(h, 'chan1')).toMatchObject({ state: 'revealed', buttons_closed: 1, reveal_message_id: expect.any(String) });
    expect(h.adapter.reveals()).toHaveLength(1);
    expect(h.answers.countFor(posted.id)).toBe(1);
  });

  it('a reveal whose post and closing edit fail through a six-hour outage goes out once the platform is back', async () => {
    // Guard: unfinished reveals are retried however old (no grace-window bound), the closing edit included.
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), graceMinutes: 30 });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    h.clock.set('2026-12-01T09:00:00Z');
    await h.runner.tick();
    const round = roundState(h, 'chan1')!;
    h.adapter.failNext = { count: 1_000, reason: 'failed' };
    h.adapter.failEdits = 1_000;
    await tickUntil(h, '2026-12-01T16:00:00Z', 5 * 60_000);
    expect(roundState(h, 'chan1')).toMatchObject({ state: 'revealed', buttons_closed: 0, reveal_message_id: null });
    h.adapter.failNext = { count: 0, reason: 'failed' };
    h.adapter.failEdits = 0;
    await tickUntil(h, '2026-12-01T16:30:00Z', 60_000);
    expect(roundState(h, 'chan1')).toMatchObject({ state: 'revealed', buttons_closed: 1, reveal_message_id: expect.any(String) });
    expect(h.adapter.reveals()).toHaveLength(1);
    const closing = h.adapter.edits.filter((e) => e.messageId === round.message_id).at(-1);
    expect(closing?.reply.buttons?.every((button) => button.disabled)).toBe(true);
  });
});

describe('the fall-back hour', () => {
  it('a quiz at 01:30 New York on the day the clocks go back posts once', async () => {
    // 2027-11-07: 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) both exist; the round is one per local date.
    const h = quizHarness({ clock: new ManualClock('2027-11-07T04:00:00Z') });
    h.service.schedule(PLACE, ADMIN, { time: '01:30', timezone: 'America/New_York' }, 'UTC');
    await tickUntil(h, '2027-11-07T08:00:00Z');
    expect(h.adapter.rounds()).toHaveLength(1);
    expect(h.db.prepare('SELECT local_date, scheduled_for FROM quiz_rounds').all()).toEqual([{ local_date: '2027-11-07', scheduled_for: '2027-11-07T05:30:00.000Z' }]);
  });
});

/** Waits for something another async chain does; a hang detector, never a timing check. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('the awaited call never came');
}
