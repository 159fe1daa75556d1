import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { replyText } from '../helpers/app.js';
import { readingHarness, press, say, tickUntil, PLACE } from './harness.js';

const NOW = '2026-12-01T00:00:00Z';

describe('RSVP', () => {
  it('counts presses from many members at once exactly (one row per person, changes replace)', async () => {
    const h = readingHarness(new ManualClock(NOW));
    const added = await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"');
    const [going, maybe, no] = (added.reply.buttons ?? []).map((b) => b.id);
    expect(going).toMatch(/^r1:v:\d+:g$/);
    const members = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, name: `member${i}` }));
    // Everyone presses twice at once; the second press is what counts.
    const first = members.map((m, i) => press(h.app, [going, maybe, no][i % 3] as string, m));
    const second = members.map((m, i) => press(h.app, [going, maybe, no][(i * 7) % 3] as string, m));
    const results = await Promise.all([...first, ...second]);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    const expected = { going: 0, maybe: 0, no: 0 };
    members.forEach((_, i) => expected[(['going', 'maybe', 'no'] as const)[(i * 7) % 3] as 'going' | 'maybe' | 'no']++);
    const list = await say(h.app, '/reading list');
    expect(replyText(list)).toContain(`Going ${expected.going} · maybe ${expected.maybe} · can’t ${expected.no}`);
    const rows = h.app.db.prepare('SELECT count(*) AS n FROM reading_rsvps').get() as { n: number };
    expect(rows.n).toBe(40);
    h.app.close();
  });

  it('keeps the counts on a posted reminder live', async () => {
    const h = readingHarness(new ManualClock(NOW));
    await say(h.app, '/reading add title:X3D when:"2026-12-04 20:00"');
    h.clock.set('2026-12-03T10:59:00Z');
    await tickUntil(h, '2026-12-03T11:01:00Z');
    const reminder = h.adapter.posts[0];
    const going = reminder?.reply.buttons?.[0]?.id as string;
    const answer = await press(h.app, going, { id: 'u1', name: 'chie' });
    expect(replyText(answer)).toContain('Noted: going to "X3D"');
    // The press starts the edit itself; waiting on the same refresh joins it.
    await h.app.readingRunner.settled(Number(going.split(':')[2]));
    const edit = h.adapter.edits.at(-1);
    expect(edit?.messageId).toBe(reminder?.messageId);
    expect(edit?.reply.buttons?.[0]?.label).toBe('Going (1)');
    expect(edit?.reply.fields?.find((f) => f.name.startsWith('Going'))?.value).toBe('chie');
    expect(edit?.reply.mention).toBeUndefined();
    h.app.close();
  });
});

describe('presenter rotation', () => {
  it('advances per held meeting; a skipped meeting does not skip a person', async () => {
    const h = readingHarness(new ManualClock(NOW));
    await say(h.app, '/reading reminders offsets:0');
    await say(h.app, '/reading add title:Series when:"2026-12-04 20:00" repeat:weekly rotation:aiko,ben,chie');
    const skipped = await say(h.app, '/reading skip session:1 date:2026-12-11');
    expect(skipped.status, replyText(skipped)).toBe('ok');
    await tickUntil(h, '2026-12-26T00:00:00Z', 60 * 60_000);
    const presenters = h.adapter.posts.map((p) => [p.reply.fields?.[0]?.value.slice(0, 10), p.reply.fields?.find((f) => f.name === 'Presenter')?.value]);
    expect(presenters).toEqual([
      ['2026-12-04', 'aiko'],
      ['2026-12-18', 'ben'],
      ['2026-12-25', 'chie'],
    ]);
    expect(PLACE.channel).toBe('chan1');
    h.app.close();
  });
});
