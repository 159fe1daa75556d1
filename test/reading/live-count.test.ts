import { describe, expect, it } from 'vitest';
import type { PostResult } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { silentLogger } from '../../src/core/logger.js';
import { ReadingRunner } from '../../src/reading/runner.js';
import { SimulatedTime } from '../schedule/simulated-time.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { readingHarness, say, tickUntil } from './harness.js';
import { instanceId, postKeys } from '../../src/store/instance.js';

/** Edits answered after 400 ms of simulated time, recorded with the "Going (n)" they showed. */
class TimedEdits extends RecordingAdapter {
  readonly timed: { start: number; messageId: string; going: number }[] = [];

  constructor(private readonly sim: SimulatedTime) {
    super();
  }

  override async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    const start = this.sim.now();
    await this.sim.wait(400);
    const going = Number(/\((\d+)\)/.exec(reply.buttons?.[0]?.label ?? '')?.[1]);
    this.timed.push({ start, messageId, going });
    return super.edit(channel, messageId, reply);
  }
}

/**
 * A meeting with its reminder posted by the real app; then the live counts
 * come from a runner on the same database whose edit turns run on simulated
 * time (the app's own runner has no platform left to edit on).
 */
async function postedReminder() {
  const sim = new SimulatedTime('2026-12-01T00:00:00Z');
  const h = readingHarness(sim.clock);
  await say(h.app, '/reading reminders offsets:60');
  await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"');
  sim.clock.set('2026-12-04T09:59:00Z'); // 20:00 Tokyo is 11:00 UTC: the reminder goes out at 10:00
  await tickUntil(h, '2026-12-04T10:01:00Z');
  expect(h.adapter.posts).toHaveLength(1);
  const reminder = h.adapter.posts[0]!;
  const occurrenceId = Number(reminder.reply.buttons?.[0]?.id.split(':')[2]);
  h.app.adapters.delete('discord');
  const adapter = new TimedEdits(sim);
  const { reading } = h.app;
  const runner = new ReadingRunner({
    service: reading,
    reminders: reading.deps.reminders,
    catalog: h.app.catalog,
    clock: sim.clock,
    publisher: () => adapter,
    logger: silentLogger(),
    keys: postKeys(instanceId(h.app.db)),
    worker: 'live-count-test',
    liveCountWait: sim.wait,
  });
  return { sim, h, adapter, runner, occurrenceId, messageId: reminder.messageId };
}

describe('live RSVP counts on a posted reminder', () => {
  it('600 presses over 10 s: one edit a second at most, never the counts already shown, the last counts land', async () => {
    const { sim, h, adapter, runner, occurrenceId, messageId } = await postedReminder();
    let last = Promise.resolve();
    for (let i = 0; i < 600; i++) {
      h.app.reading.rsvp(occurrenceId, { id: `u${i}`, name: `member${i}` }, 'going');
      last = runner.refresh(occurrenceId);
      await sim.advance(Math.round(((i + 1) * 10_000) / 600) - Math.round((i * 10_000) / 600));
    }
    await sim.advance(5_000);
    await last;

    const edits = adapter.timed;
    expect(edits.every((e) => e.messageId === messageId)).toBe(true);
    expect(edits.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < edits.length; i++) {
      expect(edits[i]!.start - edits[i - 1]!.start).toBeGreaterThanOrEqual(1000);
      expect(edits[i]!.going).toBeGreaterThan(edits[i - 1]!.going);
    }
    expect(edits.at(-1)?.going).toBe(600);
    h.app.close();
  });

  it('a refresh with nothing new to show sends no edit', async () => {
    const { sim, h, adapter, runner, occurrenceId } = await postedReminder();
    h.app.reading.rsvp(occurrenceId, { id: 'u1', name: 'chie' }, 'going');
    const first = runner.refresh(occurrenceId);
    await sim.advance(2_000);
    await first;
    for (let i = 0; i < 3; i++) {
      const again = runner.refresh(occurrenceId);
      await sim.advance(2_000);
      await again;
    }
    expect(adapter.timed.map((e) => e.going)).toEqual([1]);
    h.app.close();
  });
});
