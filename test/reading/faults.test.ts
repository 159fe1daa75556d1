import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import { ReadingRunner } from '../../src/reading/runner.js';
import { instanceId, postKeys } from '../../src/store/instance.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { readingHarness, say, tickUntil, type ReadingHarness } from './harness.js';

/**
 * Reminders under faults: keys that are never reused when a meeting moves,
 * a lease taken over between the claim and the post, and a reminder posted
 * just before a crash found again rather than lost or repeated.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-reading-faults-'));
  dirs.push(dir);
  return join(dir, 'g.db');
}

const titles = (adapter: RecordingAdapter) => adapter.posts.map((post) => post.reply.title);
const when = (adapter: RecordingAdapter) => adapter.posts.map((post) => post.reply.fields?.[0]?.value);

/** What a runner of another process on the app's database needs: its own worker name, its own adapter view. */
function runnerDeps(h: ReadingHarness, adapter: RecordingAdapter, worker: string): ConstructorParameters<typeof ReadingRunner>[0] {
  return {
    service: h.app.reading,
    reminders: h.app.reading.deps.reminders,
    catalog: h.app.catalog,
    clock: h.clock,
    publisher: () => adapter,
    logger: silentLogger(),
    keys: postKeys(instanceId(h.app.db)),
    worker,
  };
}

describe('reminders under faults', () => {
  it('moving a meeting after its reminder went out: the reminder for the new time gets a new key and is shown', async () => {
    // Guard: reminder ids are AUTOINCREMENT (migration 0005), so a deleted row's id — and its key — never comes back.
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    await say(h.app, '/reading add title:"X3D" when:"2026-12-04 20:00" paper:X3D');
    h.clock.set('2026-12-03T10:58:00Z');
    await tickUntil(h, '2026-12-03T11:05:00Z');
    expect(titles(h.adapter)).toEqual(['In 1d: X3D']);
    expect((await say(h.app, '/reading edit session:1 when:"2026-12-04 19:00"')).status).toBe('ok');
    await tickUntil(h, '2026-12-04T10:05:00Z');
    expect(titles(h.adapter)).toEqual(['In 1d: X3D', 'In 1d: X3D', 'In 1h: X3D', 'Starting now: X3D']);
    expect(when(h.adapter)[1]).toBe('2026-12-04 (Fri) 19:00 Asia/Tokyo');
    expect(new Set(h.adapter.posts.map((p) => p.key)).size).toBe(4);
    h.app.close();
  });

  it('a worker whose lease was taken over between its claim and its post does not post the reminder', async () => {
    // Guard: the lease is renewed (owner-checked) right before each post.
    const adapter = new RecordingAdapter({ dedupe: false });
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'), { file: dbFile() });
    h.app.adapters.set('discord', adapter);
    await say(h.app, '/reading add title:"X3D" when:"2026-12-04 20:00" paper:X3D');
    const other = new ReadingRunner(runnerDeps(h, adapter, 'worker-b'));
    let takeover: Promise<void> | undefined;
    const slow = new ReadingRunner({
      ...runnerDeps(h, adapter, 'worker-a'),
      // Right after worker A's claim, before its post: the clock passes A's lease and worker B ticks.
      fault: (step) => {
        if (step !== 'claim' || takeover) return;
        h.clock.advance(3 * 60_000);
        takeover = other.tick();
      },
    });
    h.clock.set('2026-12-03T11:00:00Z');
    await slow.tick();
    await takeover;
    await Promise.all([slow.idle(), other.idle()]);
    expect(titles(adapter)).toEqual(['In 1d: X3D']);
    expect(adapter.duplicates()).toEqual([]);
    h.app.close();
  });

  it('a reminder posted just before a crash, its meeting begun by the restart, is found and keeps live counts', async () => {
    // Guard: a claimed reminder past its time is looked for in the channel before it is given up.
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'), { file: dbFile() });
    await say(h.app, '/reading reminders offsets:1h');
    await say(h.app, '/reading add title:"X3D" when:"2026-12-04 20:00" paper:X3D');
    h.clock.set('2026-12-04T10:00:00Z');
    await h.app.tick();
    expect(titles(h.adapter)).toEqual(['In 1h: X3D']);
    // As kill -9 leaves it between "the platform took the post" and "we recorded it".
    h.app.db.prepare("UPDATE reading_reminders SET state = 'claimed', message_id = NULL, posted_at = NULL, lease_until = NULL").run();
    h.clock.set('2026-12-04T11:30:00Z'); // back after the meeting began
    await h.app.tick();
    expect(h.app.db.prepare('SELECT state, message_id FROM reading_reminders').get()).toEqual({ state: 'posted', message_id: h.adapter.posts[0]?.messageId });
    expect(titles(h.adapter)).toEqual(['In 1h: X3D']);
    h.app.close();
  });
});
