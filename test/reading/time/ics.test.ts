import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from '../../../src/reading/time/ics.js';
import { occurrences } from '../../../src/reading/time/repeat.js';

/**
 * The calendar is read back by ical.js, an independent iCalendar parser. It
 * knows no IANA zones of its own: it places TZID times only through the
 * VTIMEZONE blocks in the file, so right instants here mean those are right.
 */
function readBack(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

function expand(event: ICAL.Event, max = 50): string[] {
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < max; next = iterator.next()) found.push(iso(next.toJSDate()));
  return found;
}

const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
const NOW = new Date('2027-03-01T00:00:00Z');

afterEach(() => ICAL.TimezoneService.reset());

const berlinWeekly: IcsEvent = {
  uid: 'session-12@yomikai',
  title: 'X3D',
  description: 'Paper: https://arxiv.org/abs/2004.04730',
  url: 'https://arxiv.org/abs/2004.04730',
  start: new Date('2027-03-19T19:00:00Z'), // Fri 20:00 CET
  zone: 'Europe/Berlin',
  durationMinutes: 90,
  repeat: { every: 'weekly', count: 4 },
  exdates: [new Date('2027-03-26T19:00:00Z')],
};

describe('buildCalendar', () => {
  it('writes a weekly series that keeps 20:00 in Berlin across DST, without the skipped session', () => {
    const text = buildCalendar('Reading group', [berlinWeekly], NOW);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20270319T200000\r$/m);
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;COUNT=4\r$/m);
    expect(text).toMatch(/^EXDATE;TZID=Europe\/Berlin:20270326T200000\r$/m);
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r$/m);

    const { events } = readBack(text);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.uid).toBe('session-12@yomikai');
    expect(event?.startDate.toJSDate()).toEqual(berlinWeekly.start);
    expect(event?.endDate.toJSDate()).toEqual(new Date('2027-03-19T20:30:00Z'));
    // COUNT=4 gives four dates; the EXDATE removes the second.
    expect(expand(event!)).toEqual(['2027-03-19T19:00:00Z', '2027-04-02T18:00:00Z', '2027-04-09T18:00:00Z']);
  });

  it('agrees with occurrences() for every kind of series', () => {
    const cases: IcsEvent[] = [
      { ...berlinWeekly, uid: 'a', repeat: { every: 'biweekly', until: '2027-06-30' }, exdates: [] },
      { ...berlinWeekly, uid: 'b', zone: 'America/New_York', start: new Date('2026-10-24T23:30:00Z'), repeat: { every: 'weekly', count: 6 }, exdates: [] },
      { ...berlinWeekly, uid: 'c', zone: 'Asia/Tokyo', start: new Date('2027-01-31T11:00:00Z'), repeat: { every: 'monthly', count: 5 }, exdates: [] },
      { ...berlinWeekly, uid: 'd', zone: 'Asia/Tokyo', start: new Date('2026-12-28T11:00:00Z'), repeat: { every: 'days', days: [1, 4], until: '2027-01-21' }, exdates: [] },
      { ...berlinWeekly, uid: 'e', zone: 'America/New_York', start: new Date('2027-03-06T01:00:00Z'), repeat: { every: 'days', days: [5, 7], count: 6 }, exdates: [] },
    ];
    const { events } = readBack(buildCalendar('All kinds', cases, NOW));
    for (const [index, input] of cases.entries()) {
      const expected = occurrences(input.start, input.zone, input.repeat, { limit: 50 }).map(iso);
      expect(expected.length, input.uid).toBeGreaterThan(2);
      expect(expand(events[index]!), input.uid).toEqual(expected);
    }
  });

  it('writes the RRULE parts and an UNTIL in UTC at the end of the local end date', () => {
    const text = buildCalendar('Series', [
      { ...berlinWeekly, uid: 'bi', repeat: { every: 'biweekly', until: '2027-06-30' }, exdates: [] },
      { ...berlinWeekly, uid: 'mo', repeat: { every: 'monthly' }, exdates: [] },
      { ...berlinWeekly, uid: 'dy', start: new Date('2027-03-18T19:00:00Z'), repeat: { every: 'days', days: [1, 4], count: 10 }, exdates: [] },
    ], NOW);
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630T215959Z');
    expect(text).toContain('RRULE:FREQ=MONTHLY\r\n');
    expect(text).toContain('RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO,TH;WKST=MO');
  });

  it('writes a one-off session without RRULE, and places it right in a zone without DST', () => {
    const oneOff: IcsEvent = { uid: 'once', title: 'X3D', start: new Date('2026-12-04T11:00:00Z'), zone: 'Asia/Tokyo', durationMinutes: 60, exdates: [new Date('2026-12-04T11:00:00Z')] };
    const text = buildCalendar('Once', [oneOff], NOW);
    expect(text).not.toContain('RRULE');
    expect(text).not.toContain('EXDATE');
    expect(text).toMatch(/^DTSTART;TZID=Asia\/Tokyo:20261204T200000\r$/m);
    const { events } = readBack(text);
    expect(expand(events[0]!)).toEqual(['2026-12-04T11:00:00Z']);
  });

  it('keeps UIDs stable and the whole file identical across two builds; DTSTAMP is the injected now', () => {
    const events = [berlinWeekly, { ...berlinWeekly, uid: 'session-13@yomikai', title: 'SlowFast' }];
    const first = buildCalendar('Reading group', events, NOW);
    const second = buildCalendar('Reading group', events, NOW);
    expect(second).toBe(first);
    expect(first.match(/^UID:.*$/gm)?.map((line) => line.trim())).toEqual(['UID:session-12@yomikai', 'UID:session-13@yomikai']);
    expect(first).toMatch(/^DTSTAMP:20270301T000000Z\r$/m);
    const later = buildCalendar('Reading group', events, new Date('2027-03-02T09:30:00Z'));
    expect(later).toMatch(/^DTSTAMP:20270302T093000Z\r$/m);
    expect(later.match(/^UID:.*$/gm)).toEqual(first.match(/^UID:.*$/gm));
  });

  it('escapes commas, semicolons, backslashes and newlines in text, and reads them back intact', () => {
    const title = 'X3D, part 1; intro\\notes\nsecond line';
    const description = 'Bring: laptop, notes;\nread §3 first';
    const text = buildCalendar('Group; A, B\nC', [{ ...berlinWeekly, title, description }], NOW);
    expect(text).toContain('SUMMARY:X3D\\, part 1\\; intro\\\\notes\\nsecond line');
    expect(text).toContain('X-WR-CALNAME:Group\\; A\\, B\\nC');
    expect(text).toContain('NAME:Group\\; A\\, B\\nC\r\n');
    const { events } = readBack(text);
    expect(events[0]?.summary).toBe(title);
    expect(events[0]?.description).toBe(description);
    // Nothing the user wrote starts a line of its own.
    expect(text.split('\r\n').some((line) => line.startsWith('second line') || line === 'C')).toBe(false);
  });

  it('writes one VTIMEZONE per zone used, and folds long lines', () => {
    const text = buildCalendar('Zones', [
      berlinWeekly,
      { ...berlinWeekly, uid: 'ny', zone: 'America/New_York' },
      { ...berlinWeekly, uid: 'ny2', zone: 'America/New_York', title: 'A'.repeat(200) },
    ], NOW);
    expect(text.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(2);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });
});

describe('buildCalendar, whatever the process zone', () => {
  const events: IcsEvent[] = [berlinWeekly, { ...berlinWeekly, uid: 'ny', zone: 'America/New_York', repeat: { every: 'biweekly', until: '2027-06-30' } }];
  const reference = buildCalendar('Reading group', events, NOW);
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Auckland';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it('writes the same file', () => {
    expect(new Date('2027-01-01T00:00:00Z').getTimezoneOffset()).not.toBe(0);
    expect(buildCalendar('Reading group', events, NOW)).toBe(reference);
  });

  it('writes a valid calendar with no sessions', () => {
    const text = buildCalendar('Empty', [], NOW);
    const { calendar, events: none } = readBack(text);
    expect(none).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
