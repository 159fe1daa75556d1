import { describe, expect, it } from 'vitest';
import { buildVTimezone } from '../../../src/reading/time/vtimezone.js';

describe('buildVTimezone', () => {
  it('lists Berlin’s offset changes at the wall-clock time they happen', () => {
    const text = buildVTimezone('Europe/Berlin', new Date('2027-01-15T00:00:00Z'), new Date('2027-12-31T00:00:00Z'));
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:20270114T010000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T020000', // 02:00 CET becomes 03:00 CEST
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20271031T030000', // 03:00 CEST becomes 02:00 CET
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('gives a zone without DST one observance, with half-hour offsets written right', () => {
    const tokyo = buildVTimezone('Asia/Tokyo', new Date('2027-01-01T00:00:00Z'), new Date('2037-01-01T00:00:00Z'));
    expect(tokyo.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toHaveLength(1);
    expect(tokyo).toContain('TZOFFSETTO:+0900');
    const kolkata = buildVTimezone('Asia/Kolkata', new Date('2027-01-01T00:00:00Z'), new Date('2027-06-01T00:00:00Z'));
    expect(kolkata).toContain('TZOFFSETTO:+0530');
    const newYork = buildVTimezone('America/New_York', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'));
    expect(newYork).toContain('DTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400');
    expect(newYork).toContain('DTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500');
  });
});
