import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { readingHarness, say } from './harness.js';
import { run } from '../helpers/app.js';

const NOW = '2026-12-01T00:00:00Z';

describe('/reading ics', () => {
  it('ends every line with CRLF, END:VCALENDAR included (RFC 5545 §3.1)', async () => {
    const h = readingHarness(new ManualClock(NOW));
    await say(h.app, '/reading add title:"One-off" when:"2026-12-04 20:00"');
    const content = (await say(h.app, '/reading ics')).reply.attachments?.[0]?.content ?? '';
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    h.app.close();
  });

  it('is a calendar an independent parser reads back: instants, RRULE, EXDATE, stable UIDs', async () => {
    const h = readingHarness(new ManualClock(NOW), { timezone: 'Europe/Berlin' });
    await say(h.app, '/reading add title:"One-off" when:"2026-12-04 20:00" paper:2004.04730');
    await say(h.app, '/reading add title:"Weekly" when:"2026-12-07 19:30" repeat:"weekly x6"');
    await say(h.app, '/reading skip session:2 date:2026-12-14');
    const result = await say(h.app, '/reading ics');
    expect(result.status).toBe('ok');
    const [file] = result.reply.attachments ?? [];
    expect(file?.type).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(file?.content ?? ''));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['One-off', 'Weekly']);
    const [once, weekly] = events;
    expect(once?.startDate.toJSDate().toISOString()).toBe('2026-12-04T19:00:00.000Z');
    expect(weekly?.isRecurring()).toBe(true);
    const iterator = weekly?.iterator();
    const starts: string[] = [];
    for (let next = iterator?.next(); next; next = iterator?.next()) {
      const iso = next.toJSDate().toISOString();
      const exdates = weekly?.component.getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString());
      if (!exdates?.includes(iso)) starts.push(iso);
    }
    expect(starts).toEqual(['2026-12-07T18:30:00.000Z', '2026-12-21T18:30:00.000Z', '2026-12-28T18:30:00.000Z', '2027-01-04T18:30:00.000Z', '2027-01-11T18:30:00.000Z']);
    // The same calendar asked for again carries the same UIDs: a re-import updates, never duplicates.
    const again = await say(h.app, '/reading ics');
    const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(again.reply.attachments?.[0]?.content ?? '')).toEqual(uids(file?.content ?? ''));
    h.app.close();
  });

  it('is written to a file in the console, its path printed', async () => {
    const h = readingHarness(new ManualClock(NOW));
    await run(h.app, '/reading add title:X3D when:"2026-12-04 20:00"');
    const result = await run(h.app, '/reading ics');
    const { writeAttachments } = await import('../../src/adapters/console/attachments.js');
    const { translator } = await import('../../src/i18n/index.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'yk-ics-'));
    try {
      const [line] = writeAttachments(result.reply, translator('en'), dir);
      const path = line?.replace('File written: ', '') ?? '';
      expect(readFileSync(path, 'utf8')).toContain('SUMMARY:X3D');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      h.app.close();
    }
  });
});
