import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { replyText } from '../helpers/app.js';
import { readingHarness, say, tickUntil } from './harness.js';

describe('/reading edit', () => {
  it('moves a series from its next meeting on, keeping meetings already held, and reminders follow the new time', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    await say(h.app, '/reading reminders offsets:0');
    await say(h.app, '/reading add title:Series when:"2026-12-04 20:00" repeat:weekly rotation:aiko,ben');
    await tickUntil(h, '2026-12-05T00:00:00Z', 60 * 60_000);
    const moved = await say(h.app, '/reading edit session:1 when:"2026-12-12 10:00"');
    expect(moved.status, replyText(moved)).toBe('ok');
    expect(replyText(moved)).toContain('2026-12-12 (Sat) 10:00 Asia/Tokyo');
    await tickUntil(h, '2026-12-20T00:00:00Z', 60 * 60_000);
    const held = h.adapter.posts.map((p) => [p.reply.fields?.[0]?.value, p.reply.fields?.find((f) => f.name === 'Presenter')?.value]);
    // The rotation carries on across the move: aiko held the first meeting, ben the next.
    expect(held).toEqual([
      ['2026-12-04 (Fri) 20:00 Asia/Tokyo', 'aiko'],
      ['2026-12-12 (Sat) 10:00 Asia/Tokyo', 'ben'],
      ['2026-12-19 (Sat) 10:00 Asia/Tokyo', 'aiko'],
    ]);
    h.app.close();
  });

  it('changes the paper and presenter of a single session; a bad paper changes nothing', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    await say(h.app, '/reading add title:One when:"2026-12-04 20:00" paper:X3D presenter:aiko');
    const refused = await say(h.app, '/reading edit session:1 paper:X3D-Mega presenter:ben');
    expect(refused.status).toBe('user-error');
    expect(replyText(await say(h.app, '/reading list'))).toContain('Presenter: aiko');
    const edited = await say(h.app, '/reading edit session:1 paper:2004.04730 presenter:ben');
    expect(replyText(edited)).toContain('arXiv:2004.04730 — https://arxiv.org/abs/2004.04730');
    expect(replyText(edited)).toContain('ben');
    expect(replyText(await say(h.app, '/reading edit session:1'))).toContain('Say what to change');
    // Once it is over, only a new time can change it, and a refused edit stores nothing.
    h.clock.set('2026-12-05T00:00:00Z');
    const over = await say(h.app, '/reading edit session:1 presenter:chie');
    expect(replyText(over)).toContain('no meetings left to change');
    const paper = h.app.db.prepare('SELECT paper, presenter FROM reading_sessions WHERE id = 1').get() as { paper: string; presenter: string };
    expect(paper).toEqual({ paper: 'arxiv:2004.04730', presenter: JSON.stringify({ name: 'ben' }) });
    h.app.close();
  });
});

describe('/reading list', () => {
  it('lists the channel’s sessions soonest first, in pages of eight', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    for (let day = 20; day >= 10; day--) await say(h.app, `/reading add title:"S${day}" when:"2026-12-${day} 20:00"`);
    const first = await say(h.app, '/reading list');
    expect(first.reply.fields?.map((f) => f.name.replace(/^#\d+ /, ''))).toEqual(['S10', 'S11', 'S12', 'S13', 'S14', 'S15', 'S16', 'S17']);
    expect(first.reply.footer).toContain('Page 1 of 2');
    const second = await say(h.app, '/reading list page:2');
    expect(second.reply.fields?.map((f) => f.name.replace(/^#\d+ /, ''))).toEqual(['S18', 'S19', 'S20']);
    expect((await say(h.app, '/reading list page:3')).status).toBe('user-error');
    expect((await say(h.app, '/reading list page:x')).status).toBe('user-error');
    h.app.close();
  });
});
