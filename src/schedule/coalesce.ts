/**
 * Two small pieces every runner of scheduled work needs.
 *
 * `SharedPass`: a tick that comes while one is running shares it instead of
 * starting a second — the work reads the database, so one pass is enough.
 *
 * `Coalescer`: live-count edits of a posted message. Edits for one key never
 * overlap; requests during an edit only mark it stale, and one more pass
 * follows with the state at that moment — no update is lost, no timer is
 * needed, and a burst of clicks costs two edits, not one per click. The
 * returned promise settles once a pass that started after the request ends.
 */
export class SharedPass {
  private running: Promise<void> | undefined;

  run(pass: () => Promise<void>): Promise<void> {
    this.running ??= pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}

export class Coalescer<K> {
  private readonly inFlight = new Map<K, { again: boolean; done: Promise<void> }>();

  constructor(private readonly onError: (error: unknown, key: K) => void) {}

  /** Runs `pass` for `key` now, or once more after the pass in flight. */
  request(key: K, pass: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: true, done: Promise.resolve() };
    state.done = (async () => {
      while (state.again) {
        state.again = false;
        await pass();
      }
    })()
      .catch((error: unknown) => this.onError(error, key))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, state);
    return state.done;
  }

  /** Resolves when the passes in flight for `key` (if any) are done. */
  settled(key: K): Promise<void> {
    return this.inFlight.get(key)?.done ?? Promise.resolve();
  }
}
