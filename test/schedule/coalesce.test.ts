import { describe, expect, it } from 'vitest';
import type { PostResult } from '../../src/core/adapter.js';
import { Coalescer, type PassOutcome } from '../../src/schedule/coalesce.js';
import { SimulatedTime, settle } from './simulated-time.js';

/** A pass the test finishes by hand, so "in flight" is a state, not a race. */
function gatedPasses() {
  const releases: (() => void)[] = [];
  let runs = 0;
  const pass = () => {
    runs++;
    return new Promise<PassOutcome>((resolve) => releases.push(() => resolve('edited')));
  };
  return { pass, releases, runs: () => runs };
}

/** One message whose count members raise; edits are recorded with the simulated instant they started. */
function liveMessage(sim: SimulatedTime, coalescer: Coalescer<number>, editMs = 50) {
  let count = 0;
  const edits: { at: number; count: number }[] = [];
  let refuseNext = 0;
  const show = (): Promise<PassOutcome> => {
    const shown = count;
    return coalescer.shown.edit('discord:chan:m1', { count: shown }, async (): Promise<PostResult> => {
      edits.push({ at: sim.now(), count: shown });
      if (editMs > 0) await sim.wait(editMs); // the platform's answer takes a while
      if (refuseNext > 0) {
        refuseNext--;
        return { ok: false, reason: 'failed', detail: '503' };
      }
      return { ok: true, messageId: 'm1' };
    });
  };
  return {
    edits,
    /** A member's click: `grows` false is someone changing their answer (the count stays). */
    click: (grows = true) => {
      if (grows) count++;
      return coalescer.request(1, show);
    },
    refuse: (n: number) => {
      refuseNext = n;
    },
  };
}

describe('Coalescer', () => {
  it('600 clicks over 10 s: one edit a second at most, never the count already shown, and the last count lands', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const coalescer = new Coalescer<number>(() => {}, { clock: sim.clock, wait: sim.wait });
    // Edits answered in 400 ms start at 0, 1.4, 2.8 … 9.8 s: the last click (9.98 s) comes while one is in flight.
    const message = liveMessage(sim, coalescer, 400);
    let last = Promise.resolve();
    for (let i = 0; i < 600; i++) {
      last = message.click();
      // Every tenth member also changes their answer: a click that does not move the count.
      if (i % 10 === 9) message.click(false);
      await sim.advance(Math.round(((i + 1) * 10_000) / 600) - Math.round((i * 10_000) / 600));
    }
    await sim.advance(5_000);
    await last;

    const { edits } = message;
    expect(edits.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < edits.length; i++) {
      expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(1000);
      expect(edits[i]!.count).not.toBe(edits[i - 1]!.count);
    }
    expect(edits.at(-1)?.count).toBe(600);
    expect(sim.pending).toBe(0);
  });

  it('a click that does not change what the message shows sends no edit', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const coalescer = new Coalescer<number>(() => {}, { clock: sim.clock, wait: sim.wait });
    const message = liveMessage(sim, coalescer);
    message.click();
    await sim.advance(2_000);
    for (let i = 0; i < 5; i++) {
      message.click(false);
      await sim.advance(2_000);
    }
    expect(message.edits).toEqual([{ at: sim.now() - 12_000, count: 1 }]);
  });

  it('a refused edit is sent again at its next turn, so the last count still lands', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const coalescer = new Coalescer<number>(() => {}, { clock: sim.clock, wait: sim.wait });
    const message = liveMessage(sim, coalescer);
    message.refuse(1);
    const done = message.click();
    await sim.advance(3_000);
    await done;
    expect(message.edits.map((e) => e.count)).toEqual([1, 1]);
    expect(message.edits[1]!.at - message.edits[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('settled runs a pass waiting for its turn at once (a reveal does not queue behind the timer)', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const coalescer = new Coalescer<number>(() => {}, { clock: sim.clock, wait: sim.wait });
    const message = liveMessage(sim, coalescer, 0);
    message.click();
    await settle();
    message.click(); // waits for its turn, a second after the first edit
    await settle();
    expect(message.edits).toHaveLength(1);
    let settled = false;
    void coalescer.settled(1).then(() => (settled = true));
    await settle(); // the simulated clock has not moved: only the hurry can have run the pass
    expect(settled).toBe(true);
    expect(message.edits.map((e) => e.count)).toEqual([1, 2]);
  });

  it('requests during a pass cost one more pass, not one each, and every caller settles after it', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const gate = gatedPasses();
    const coalescer = new Coalescer<number>(() => {}, { clock: sim.clock, wait: sim.wait });
    const first = coalescer.request(1, gate.pass);
    const during = [coalescer.request(1, gate.pass), coalescer.request(1, gate.pass), coalescer.request(1, gate.pass)];
    expect(gate.runs()).toBe(1);
    gate.releases[0]?.();
    await sim.advance(1_000);
    expect(gate.runs()).toBe(2);
    gate.releases[1]?.();
    await Promise.all([first, ...during]);
    expect(gate.runs()).toBe(2);
  });

  it('keys are independent, and a failing pass is reported and settles', async () => {
    const sim = new SimulatedTime('2026-12-01T09:00:00Z');
    const errors: unknown[] = [];
    const coalescer = new Coalescer<number>((error) => errors.push(error), { clock: sim.clock, wait: sim.wait, retries: 0 });
    await coalescer.request(1, async () => {
      throw new Error('edit refused');
    });
    let ran = false;
    await coalescer.request(2, async () => {
      ran = true;
      return 'edited';
    });
    expect(errors).toHaveLength(1);
    expect(ran).toBe(true);
    await expect(coalescer.settled(1)).resolves.toBeUndefined();
  });
});
