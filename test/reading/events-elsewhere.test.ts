import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Place } from '../../src/core/invocation.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { readingHarness, say, type ReadingHarness } from './harness.js';

/** Platforms without an events list of their own (Slack, the console, an adapter offering none): sessions work as before, nothing is mirrored. */
describe('the events mirror where the platform has no events list', () => {
  let h: ReadingHarness | undefined;
  afterEach(() => h?.app.close());

  const SLACK: Place = { platform: 'slack', scope: 'T1', channel: 'C1' };
  const CONSOLE: Place = { platform: 'console', scope: 'local', channel: 'console' };

  it.each([SLACK, CONSOLE])('on $platform: no rows, no hint, and /reading events says there is nothing to switch', async (place) => {
    h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    h.app.adapters.set(place.platform, new RecordingAdapter());
    const manager = { id: 'U1', name: 'aiko', manager: true };
    const added = await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00" repeat:weekly', { place, actor: manager });
    expect(added.reply.text).toContain('Session #1');
    expect(added.reply.text).not.toContain('Manage Events');
    await h.app.tick();
    await h.app.idle();
    const rows = h.app.db.prepare('SELECT count(*) AS n FROM reading_guild_events').get() as { n: number };
    expect(rows.n).toBe(0);
    const switched = await say(h.app, '/reading events state:off', { place, actor: manager });
    expect(switched.reply.text).toContain('no events list of its own');
  });
});
