import type { Round } from './store/rounds.js';

/**
 * What the quiz asks of an optional provider of short summaries (the
 * summary feature, when a model is configured): when a round is posted, a
 * summary of its source entry may be prepared in the background; at the
 * reveal, whatever is ready by then is added. The reveal never waits.
 */
export interface RevealBriefs {
  /** Starts filling the cache for this round's reveal; returns at once. */
  prepare(round: Round): void;
  /** The finished brief for the reveal, or undefined. */
  brief(round: Round): { title: string; text: string } | undefined;
}
