import type { Candidate } from './service.js';

export interface Decision {
  /** Absent when nobody voted: every candidate stays for the next ballot. */
  winner?: Candidate;
  /** Candidates sharing the top count, earliest nomination first (one unless it was a tie). */
  top: Candidate[];
  total: number;
}

/**
 * Most votes wins; a tie goes to the earliest nomination. Candidates come in
 * ballot order, which is nomination order, so the first of the top is it.
 */
export function decide(candidates: readonly Candidate[]): Decision {
  const total = candidates.reduce((sum, c) => sum + c.votes, 0);
  if (total === 0) return { top: [], total };
  const most = Math.max(...candidates.map((c) => c.votes));
  const top = candidates.filter((c) => c.votes === most).sort((a, b) => a.nomination.nominatedAt.getTime() - b.nomination.nominatedAt.getTime() || a.nomination.id - b.nomination.id);
  return { winner: top[0] as Candidate, top, total };
}
