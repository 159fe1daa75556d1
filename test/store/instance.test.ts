import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app.js';
import { instanceId, postKeys } from '../../src/store/instance.js';

describe('post keys', () => {
  it('differ between two databases for the same round, and fit Discord’s 25-character nonce', () => {
    // Two yomikai databases posting in one channel: round 1 of each must never be taken for the other's.
    const [a, b] = [openAppDatabase(':memory:'), openAppDatabase(':memory:')];
    const [keysA, keysB] = [postKeys(instanceId(a)), postKeys(instanceId(b))];
    expect(keysA.round(1)).not.toBe(keysB.round(1));
    expect(keysA.reveal(1)).not.toBe(keysB.reveal(1));
    expect(keysA.reminder(1)).not.toBe(keysB.reminder(1));
    // Round, reveal and reminder keys of one database never collide either.
    const all = [1, 2, 36, 1_000_000].flatMap((id) => [keysA.round(id), keysA.reveal(id), keysA.reminder(id)]);
    expect(new Set(all).size).toBe(all.length);
    for (const key of all) expect(key.length).toBeLessThanOrEqual(25);
    expect(keysA.round(2 ** 31)).toHaveLength(2 + 10 + 6);
    a.close();
    b.close();
  });
});
