import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { PostResult } from '../core/adapter.js';

/** What a pass did: edited (the platform was called), found nothing new to show, or was refused. */
export type PassOutcome = 'edited' | 'unchanged' | 'failed';

/** A pause the production code takes with a timer; tests hand in one they resolve themselves. */
export type Wait = (ms: number) => Promise<void>;

/** An unref'd timer: a pending live-count edit never keeps a stopping process alive. */
export const timerWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface CoalescerOptions {
  /** "When did the last edit end" comes from here (the injected clock). */
  clock: Clock;
  /** The least time between the end of one edit and the start of the next, per key. */
  minIntervalMs?: number;
  wait?: Wait;
  /** A refused edit (a 5xx, a 429 the client gave up on) is tried again this many times, a turn apart. */
  retries?: number;
}

interface KeyState {
  again: boolean;
  done: Promise<void>;
  /** Ends a wait for the next turn early (see `settled`). */
  hurry?: () => void;
}

/**
 * `Coalescer`: live-count edits of a posted message, kept within what the
 * platforms allow (Slack: about one update per second per message; Discord:
 * five edits per five seconds per channel). Passes for one key never overlap
 * and start at least `minIntervalMs` after the previous edit ended; requests
 * meanwhile only mark the key stale, and one more pass follows with the state
 * at that moment. So a burst of clicks costs one edit a second, and the last
 * count always lands. `shown` remembers what each message shows, so an edit
 * that would change nothing is not sent.
 */
export class Coalescer<K> {
  /** What each message shows now, by message. */
  readonly shown = new LastShown();
  private readonly inFlight = new Map<K, KeyState>();
  /** When the last edit for a key ended; kept after the key goes idle, which is what spaces bursts apart. */
  private readonly lastEdit = new Map<K, number>();
  private readonly clock: Clock;
  private readonly minIntervalMs: number;
  private readonly wait: Wait;
  private readonly retries: number;

  constructor(
    private readonly onError: (error: unknown, key: K) => void,
    options: CoalescerOptions,
  ) {
    this.clock = options.clock;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.wait = options.wait ?? timerWait;
    this.retries = options.retries ?? 2;
  }

  /**
   * Runs `pass` for `key` at its next turn — now, if the last edit ended long
   * enough ago — or once more after the pass in flight. The promise settles
   * once a pass that started after the request has ended.
   */
  request(key: K, pass: () => Promise<PassOutcome>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) {
      running.again = true;
      return running.done;
    }
    this.forgetIdle();
    const state: KeyState = { again: true, done: Promise.resolve() };
    state.done = this.drain(key, state, pass).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, state);
    return state.done;
  }

  /**
   * Resolves when the work for `key` (if any) is done. A pass waiting for its
   * turn runs at once: whoever waits here is about to edit the message itself
   * (the closing edit at the reveal), and a reveal must not queue behind a timer.
   */
  settled(key: K): Promise<void> {
    const state = this.inFlight.get(key);
    state?.hurry?.();
    return state?.done ?? Promise.resolve();
  }

  private async drain(key: K, state: KeyState, pass: () => Promise<PassOutcome>): Promise<void> {
    let retriesLeft = this.retries;
    while (state.again) {
      // Only awaited when there is a wait: a first edit starts in the caller's turn.
      const waitMs = this.untilTurn(key);
      if (waitMs > 0) {
        await new Promise<void>((resolve) => {
          state.hurry = resolve;
          void this.wait(waitMs).then(resolve);
        });
        state.hurry = undefined;
      }
      // Cleared only now: requests during the wait are answered by this pass, not one more.
      state.again = false;
      let outcome: PassOutcome;
      try {
        outcome = await pass();
      } catch (error) {
        this.onError(error, key);
        outcome = 'failed';
      }
      if (outcome !== 'unchanged') this.lastEdit.set(key, this.clock.now().getTime());
      if (outcome === 'failed' && retriesLeft-- > 0) state.again = true;
      if (outcome !== 'failed') retriesLeft = this.retries;
    }
  }

  /** Drops end times too old to delay anything, so rounds of past days are not kept for ever. */
  private forgetIdle(): void {
    if (this.lastEdit.size < 1000) return;
    const now = this.clock.now().getTime();
    for (const [key, at] of this.lastEdit) if (now - at >= this.minIntervalMs && !this.inFlight.has(key)) this.lastEdit.delete(key);
  }

  private untilTurn(key: K): number {
    const last = this.lastEdit.get(key);
    if (last === undefined) return 0;
    const elapsed = this.clock.now().getTime() - last;
    // A clock set back (a test, an NTP step) must not stall edits for longer than one interval.
    return elapsed < 0 ? this.minIntervalMs : Math.max(0, this.minIntervalMs - elapsed);
  }
}

/** Remembered messages; the oldest are forgotten first (a message stops changing once its round closes). */
const SHOWN_LIMIT = 10_000;

/**
 * What each message shows now, as a hash of the reply last sent to it, so
 * an edit that would show the same thing again is not sent. Only an edit the
 * platform accepted is remembered: after a refused one, the next is sent.
 */
export class LastShown {
  private readonly hashes = new Map<string, string>();

  /** Sends `edit` unless `message` already shows `reply`. */
  async edit(message: string, reply: unknown, send: () => Promise<PostResult>): Promise<PassOutcome> {
    const hash = createHash('sha1').update(JSON.stringify(reply)).digest('base64');
    if (this.hashes.get(message) === hash) return 'unchanged';
    const result = await send();
    if (!result.ok) return 'failed';
    this.hashes.delete(message);
    this.hashes.set(message, hash);
    if (this.hashes.size > SHOWN_LIMIT) this.hashes.delete(this.hashes.keys().next().value as string);
    return 'edited';
  }
}
