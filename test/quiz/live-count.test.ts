import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { PostResult } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { channelKeyOf } from '../../src/core/invocation.js';
import { SimulatedTime } from '../schedule/simulated-time.js';
import { ADMIN, PLACE, RecordingAdapter, quizHarness, tickUntil } from './harness.js';

/**
 * Edits whose answer can be held back, the way a slow platform holds a
 * request: the test decides when an edit in flight lands.
 */
class SlowEdits extends RecordingAdapter {
  readonly log: string[] = [];
  private held: (() => void)[] = [];
  hold = false;

  override async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    const what = reply.buttons?.every((b) => b.disabled) ? 'closing' : 'count';
    this.log.push(`start ${what}`);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    this.log.push(`end ${what}`);
    return super.edit(channel, messageId, reply);
  }

  /** Lets every held edit land; resolves once one was held (an event, not a wait). */
  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

describe('the live answer count', () => {
  it('never lands after the reveal: the closing edit waits for a count edit in flight', async () => {
    const adapter = new SlowEdits();
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), adapter });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    await tickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(PLACE))!;

    adapter.hold = true;
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1); // starts a count edit, held in flight
    expect(adapter.log).toEqual(['start count']);
    const revealing = h.service.revealNow(PLACE);
    adapter.release();
    await revealing;

    // Sent only after the count edit landed, the closing edit is the one members see last.
    expect(adapter.log).toEqual(['start count', 'end count', 'start closing', 'end closing']);
    expect(adapter.edits.at(-1)?.reply.buttons?.every((b) => b.disabled)).toBe(true);
  });

  it('an awaited refresh during another one resolves once the newest count is shown', async () => {
    const adapter = new SlowEdits();
    const h = quizHarness({ clock: new ManualClock('2026-12-01T08:59:00Z'), adapter });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC' }, 'UTC');
    await tickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(PLACE))!;

    adapter.hold = true;
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1);
    h.service.answer(round.id, { id: 'ben', name: 'Ben' }, 2);
    const shown = h.runner.refresh(round.id);
    adapter.release();
    await shown;
    expect(adapter.edits.at(-1)?.reply.fields?.[0]).toMatchObject({ name: 'Answers', value: '2' });
  });
});

/** Edits the platform answers after `latencyMs` of simulated time; each is recorded with when it started and ended. */
class TimedEdits extends RecordingAdapter {
  readonly timed: { start: number; end: number; count: number; closed: boolean }[] = [];

  constructor(
    private readonly sim: SimulatedTime,
    private readonly latencyMs: number,
  ) {
    super();
  }

  override async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    const start = this.sim.now();
    await this.sim.wait(this.latencyMs);
    const closed = reply.buttons?.every((b) => b.disabled) ?? false;
    this.timed.push({ start, end: this.sim.now(), count: Number(reply.fields?.find((f) => f.name === 'Answers')?.value), closed });
    return super.edit(channel, messageId, reply);
  }
}

async function simulatedRound(latencyMs = 300) {
  const sim = new SimulatedTime('2026-12-01T08:59:00Z');
  const adapter = new TimedEdits(sim, latencyMs);
  const h = quizHarness({ clock: sim.clock, adapter, liveCountWait: sim.wait });
  h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
  await tickUntil(h, '2026-12-01T09:00:00Z');
  return { sim, adapter, h, round: h.rounds.openIn(channelKeyOf(PLACE))! };
}

describe('live counts within the platforms\' limits', () => {
  it('600 members over 10 s: at most one edit a second, no count shown twice, the last count lands, never > 2 s behind', async () => {
    // Edits answered in 400 ms start at 0, 1.4 … 9.8 s: the last click (9.98 s) comes while one is in flight.
    const { sim, adapter, h, round } = await simulatedRound(400);
    const clickedAt: number[] = [];
    const start = sim.now();
    for (let i = 0; i < 600; i++) {
      h.service.answer(round.id, { id: `u${i}`, name: `member ${i}` }, i % 4);
      clickedAt.push(sim.now());
      // Every tenth member changes their mind: a refresh that would show the count already shown.
      if (i % 10 === 9) h.service.answer(round.id, { id: `u${i - 5}`, name: `member ${i - 5}` }, (i + 1) % 4);
      await sim.advance(Math.round(((i + 1) * 10_000) / 600) - Math.round((i * 10_000) / 600));
    }
    await sim.advance(5_000);

    const edits = adapter.timed;
    expect(edits.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < edits.length; i++) {
      expect(edits[i]!.start - edits[i - 1]!.start).toBeGreaterThanOrEqual(1000);
      expect(edits[i]!.count).toBeGreaterThan(edits[i - 1]!.count);
    }
    expect(edits.at(-1)?.count).toBe(600);
    // Every click is on the message (its edit answered) within 2 s of the click.
    clickedAt.forEach((at, i) => {
      const shown = edits.find((e) => e.count >= i + 1);
      expect(shown!.end - at, `click ${i}`).toBeLessThanOrEqual(2_000);
    });
    expect(edits.at(-1)!.end - start).toBeLessThanOrEqual(12_000);
  });

  it('a reveal while a count edit waits for its turn: no count after it, the closing edit is last and shows the final count', async () => {
    const { sim, adapter, h, round } = await simulatedRound();
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1);
    await sim.advance(400); // the first count edit has landed
    h.service.answer(round.id, { id: 'ben', name: 'Ben' }, 2); // its edit waits for its turn (1.3 s)
    const before = adapter.timed.length;
    const revealing = h.service.revealNow(PLACE);
    await sim.advance(5_000);
    await revealing;
    await sim.advance(5_000);

    expect(adapter.timed.slice(before)).toEqual([expect.objectContaining({ closed: true, count: 2 })]);
    expect(sim.pending).toBe(0);
  });

  it('members changing their answers send no edit: the count shown is still right', async () => {
    const { sim, adapter, h, round } = await simulatedRound();
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 1);
    h.service.answer(round.id, { id: 'ben', name: 'Ben' }, 1);
    await sim.advance(2_000);
    for (const [who, choice] of [['ben', 2], ['aiko', 3], ['ben', 0], ['aiko', 0], ['ben', 3], ['aiko', 2]] as const) {
      expect(h.service.answer(round.id, { id: who, name: who }, choice)).toBe('changed');
      await sim.advance(1_500);
    }
    expect(adapter.timed.map((e) => e.count)).toEqual([1, 2]);
  });
});
