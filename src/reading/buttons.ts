import type { RsvpStatus } from './store/rsvps.js';

/**
 * RSVP button ids (short and versioned): r1:v:<occurrence>:<g|m|n>. The
 * handler re-reads the meeting and trusts nothing else in the id.
 */
export const READING_BUTTON_PATTERN = /^r1:/;

const CODES: Record<RsvpStatus, string> = { going: 'g', maybe: 'm', no: 'n' };

export function rsvpButtonId(occurrenceId: number, status: RsvpStatus): string {
  return `r1:v:${occurrenceId}:${CODES[status]}`;
}

/**
 * The track of a /reading add confirmation (core/posted.ts): which meeting's
 * counts it shows. Not a button; nothing presses it.
 */
export const ADD_TRACK_PATTERN = /^reading-add:\d{1,12}$/;

export function addTrack(occurrenceId: number): string {
  return `reading-add:${occurrenceId}`;
}

export function parseAddTrack(track: string): number | undefined {
  return ADD_TRACK_PATTERN.test(track) ? Number(track.slice('reading-add:'.length)) : undefined;
}

export function parseRsvpButton(id: string): { occurrenceId: number; status: RsvpStatus } | undefined {
  const match = /^r1:v:(\d{1,12}):([gmn])$/.exec(id);
  if (!match) return undefined;
  const status: RsvpStatus = match[2] === 'g' ? 'going' : match[2] === 'm' ? 'maybe' : 'no';
  return { occurrenceId: Number(match[1]), status };
}
