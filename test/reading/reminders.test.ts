import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { RecordingAdapter } from '../quiz/harness.js';
import { readingHarness, say, tickUntil, type ReadingHarness } from './harness.js';

// 2026-12-04 20:00 in Tokyo is 11:00 UTC: reminders are due at 12-03 11:00, 12-04 10:00 and 11:00 (UTC).
const START = '2026-12-04T11:00:00.000Z';
const ADD = '/reading add title:"X3D" when:"2026-12-04 20:00" paper:X3D presenter:<@333333333333>';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-reading-'));
  dirs.push(dir);
  return join(dir, 'g.db');
}

const stages = (adapter: RecordingAdapter) => adapter.posts.map((post) => post.reply.title);

describe('staged reminders', () => {
  it('go out 24 h and 1 h before and at the start, exactly once each', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    expect((await say(h.app, ADD)).status).toBe('ok');
    h.clock.set('2026-12-03T10:50:00Z');
    await tickUntil(h, '2026-12-04T11:30:00Z');
    expect(stages(h.adapter)).toEqual(['In 1d: X3D', 'In 1h: X3D', 'Starting now: X3D']);
    const [day, hour, start] = h.adapter.posts;
    expect(h.adapter.posts.every((p) => p.channel === 'chan1')).toBe(true);
    // Each names the paper with its link and the presenter; only the presenter is mentioned on purpose.
    const fields = (day?.reply.fields ?? []).map((f) => `${f.name}: ${f.value}`).join('\n');
    expect(fields).toContain('https://arxiv.org/abs/2004.04730');
    expect(fields).toContain('Presenter');
    expect(day?.reply.mention?.userId).toBe('333333333333');
    expect(hour?.reply.fields?.[0]?.times).toEqual([START]);
    expect(start?.reply.buttons?.map((b) => b.id)).toEqual(day?.reply.buttons?.map((b) => b.id));
    h.app.close();
  });

  it('never repeats a reminder across a restart, and a restarted bot still sends what is due', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    let h: ReadingHarness = readingHarness(clock, { file });
    await say(h.app, ADD);
    clock.set('2026-12-03T10:58:00Z');
    await tickUntil(h, '2026-12-03T11:05:00Z');
    const before = h.adapter;
    expect(stages(before)).toEqual(['In 1d: X3D']);
    h.app.close();

    // A new process on the same file, a fresh adapter (it remembers no nonces): the claim alone stops a repeat.
    h = readingHarness(clock, { file });
    await h.app.tick();
    await tickUntil(h, '2026-12-04T11:15:00Z');
    expect(stages(h.adapter)).toEqual(['In 1h: X3D', 'Starting now: X3D']);
    h.app.close();
  });

  it('retries a failed post and still posts once', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    await say(h.app, ADD);
    h.clock.set('2026-12-04T09:59:00Z');
    h.adapter.failNext = { count: 2, reason: 'failed' };
    await tickUntil(h, '2026-12-04T10:30:00Z');
    expect(stages(h.adapter)).toEqual(['In 1h: X3D']);
    h.app.close();
  });

  it('a reminder missed while the bot was down goes out late only before the start', async () => {
    const file = dbFile();
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const first = readingHarness(clock, { file });
    await say(first.app, ADD);
    first.app.close();

    // Down through the 24 h reminder, back 30 minutes before the start: only the 1 h one goes out, late.
    clock.set('2026-12-04T10:30:00Z');
    const back = readingHarness(clock, { file });
    await back.app.tick();
    expect(stages(back.adapter)).toEqual(['In 1h: X3D']);
    back.app.close();

    // Down again through the start: 30 minutes after it, nothing more is sent.
    clock.set('2026-12-04T11:30:00Z');
    const late = readingHarness(clock, { file });
    await tickUntil(late, '2026-12-04T12:30:00Z');
    expect(late.adapter.posts).toEqual([]);
    late.app.close();
  });

  it('a weekly series keeps its local clock time across the DST change', async () => {
    const h = readingHarness(new ManualClock('2026-10-14T00:00:00Z'), { timezone: 'Europe/Berlin' });
    await say(h.app, '/reading reminders offsets:0');
    expect((await say(h.app, '/reading add title:"Weekly" when:"2026-10-16 20:00" repeat:weekly')).status).toBe('ok');
    // Berlin leaves summer time on 2026-10-25: 20:00 is 18:00 UTC before and 19:00 UTC after.
    // Hourly ticks land on every start (a whole hour in UTC on both sides of the change).
    await tickUntil(h, '2026-11-07T00:00:00Z', 60 * 60_000);
    const times = h.adapter.posts.map((p) => p.reply.fields?.[0]?.times?.[0]);
    expect(times).toEqual(['2026-10-16T18:00:00.000Z', '2026-10-23T18:00:00.000Z', '2026-10-30T19:00:00.000Z', '2026-11-06T19:00:00.000Z']);
    expect(h.adapter.posts.every((p) => p.reply.fields?.[0]?.value.includes('20:00 Europe/Berlin'))).toBe(true);
    h.app.close();
  });
});
