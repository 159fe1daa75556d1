import { describe, expect, it } from 'vitest';
import { PlaceWork } from '../../src/schedule/place-work.js';

describe('PlaceWork', () => {
  it('runs places side by side, never one place twice at once, and a failure stays with its place', async () => {
    const errors: string[] = [];
    const work = new PlaceWork((_error, place) => errors.push(place));
    const releases = new Map<string, () => void>();
    const runs: string[] = [];
    const job = (place: string) => () => {
      runs.push(place);
      return new Promise<void>((resolve) => releases.set(place, resolve));
    };
    const a = work.start('a', job('a'));
    const b = work.start('b', job('b'));
    expect(runs).toEqual(['a', 'b']); // b did not wait for a
    await work.start('a', job('a')); // a is busy: not started again, and the caller does not wait for it
    expect(runs).toEqual(['a', 'b']);
    expect(work.isBusy('a')).toBe(true);
    releases.get('b')?.();
    await b;
    expect(work.isBusy('b')).toBe(false);
    await work.start('c', () => Promise.reject(new Error('platform down')));
    expect(errors).toEqual(['c']);
    releases.get('a')?.();
    await a;
    await work.idle();
    expect(work.isBusy('a')).toBe(false);
  });
});
