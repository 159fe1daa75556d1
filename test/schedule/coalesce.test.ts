import { describe, expect, it } from 'vitest';
import { Coalescer, SharedPass } from '../../src/schedule/coalesce.js';

/** A pass the test finishes by hand, so "in flight" is a state, not a race. */
function gatedPasses() {
  const releases: (() => void)[] = [];
  let runs = 0;
  const pass = () => {
    runs++;
    return new Promise<void>((resolve) => releases.push(resolve));
  };
  return { pass, releases, runs: () => runs };
}

describe('Coalescer', () => {
  it('requests during a pass cost one more pass, not one each, and every caller settles after it', async () => {
    const gate = gatedPasses();
    const coalescer = new Coalescer<number>(() => {});
    const first = coalescer.request(1, gate.pass);
    const during = [coalescer.request(1, gate.pass), coalescer.request(1, gate.pass), coalescer.request(1, gate.pass)];
    expect(gate.runs()).toBe(1);
    gate.releases[0]?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(gate.runs()).toBe(2);
    gate.releases[1]?.();
    await Promise.all([first, ...during]);
    expect(gate.runs()).toBe(2);
  });

  it('keys are independent, and a failing pass is reported and settles', async () => {
    const errors: unknown[] = [];
    const coalescer = new Coalescer<number>((error) => errors.push(error));
    await coalescer.request(1, async () => {
      throw new Error('edit refused');
    });
    let ran = false;
    await coalescer.request(2, async () => {
      ran = true;
    });
    expect(errors).toHaveLength(1);
    expect(ran).toBe(true);
    await expect(coalescer.settled(1)).resolves.toBeUndefined();
  });
});

describe('SharedPass', () => {
  it('a tick during a pass shares it', async () => {
    const gate = gatedPasses();
    const shared = new SharedPass();
    const a = shared.run(gate.pass);
    const b = shared.run(gate.pass);
    expect(gate.runs()).toBe(1);
    gate.releases[0]?.();
    await Promise.all([a, b]);
    const c = shared.run(gate.pass);
    expect(gate.runs()).toBe(2);
    gate.releases[1]?.();
    await c;
  });
});
