/**
 * Ballot button ids (short and versioned): b1:v:<ballot>:<nomination> votes,
 * b1:s:<ballot> asks how to schedule the winner. Handlers re-read the ballot
 * and trust nothing else in the id.
 */
export const BALLOT_BUTTON_PATTERN = /^b1:/;

export function ballotVoteId(ballotId: number, nominationId: number): string {
  return `b1:v:${ballotId}:${nominationId}`;
}

export function scheduleButtonId(ballotId: number): string {
  return `b1:s:${ballotId}`;
}

export type BallotButton = { kind: 'vote'; ballotId: number; nominationId: number } | { kind: 'schedule'; ballotId: number };

export function parseBallotButton(id: string): BallotButton | undefined {
  const vote = /^b1:v:(\d{1,12}):(\d{1,12})$/.exec(id);
  if (vote) return { kind: 'vote', ballotId: Number(vote[1]), nominationId: Number(vote[2]) };
  const schedule = /^b1:s:(\d{1,12})$/.exec(id);
  if (schedule) return { kind: 'schedule', ballotId: Number(schedule[1]) };
  return undefined;
}
