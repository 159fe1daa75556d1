import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { reportPosted } from '../../src/core/posted.js';
import { AIKO, BEN, PLACE, press, readingHarness, say } from './harness.js';

/**
 * The /reading add confirmation keeps live counts where the adapter told us
 * its message (core/posted.ts, migration 0011); a report that does not hold
 * (another channel's message, an unknown meeting) is not recorded.
 */
describe('live counts on the /reading add confirmation', () => {
  it('is edited with the new counts after an RSVP, once recorded', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    const added = await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"');
    expect(added.reply.track).toMatch(/^reading-add:\d+$/);
    await reportPosted(h.app, added.reply, PLACE, 'm-add');

    const going = added.reply.buttons?.[0]?.id ?? '';
    await press(h.app, going, BEN);
    await h.app.readingRunner.settled(Number(going.split(':')[2]));
    const edit = h.adapter.edits.find((e) => e.messageId === 'm-add');
    expect(edit?.channel).toBe(PLACE.channel);
    expect(edit?.reply.buttons?.[0]?.label).toBe('Going (1)');
    expect(edit?.reply.title).toBe('X3D');
    h.app.close();
  });

  it('ignores a report from another channel, and a track naming no meeting', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    const added = await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"', { actor: AIKO });
    await reportPosted(h.app, added.reply, { ...PLACE, channel: 'elsewhere' }, 'm-other');
    await reportPosted(h.app, { ...added.reply, track: 'reading-add:999999' }, PLACE, 'm-none');
    const rows = h.app.db.prepare('SELECT count(*) AS n FROM reading_add_messages').get() as { n: number };
    expect(rows.n).toBe(0);
    h.app.close();
  });
});
