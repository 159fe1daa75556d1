/**
 * Scheduled work, one chain per place (a channel, a session): a place whose
 * platform call is slow or hung holds up only itself. A tick starts work for
 * every place that has some and is not already busy in this process, and
 * waits only for what it started — so the next minute's tick still posts
 * what is due elsewhere while one place is stuck.
 */
export class PlaceWork {
  private readonly busy = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown, place: string) => void) {}

  /** Starts `work` for `place` unless that place is busy; resolves when the work started here ends. */
  start(place: string, work: () => Promise<void>): Promise<void> {
    if (this.busy.has(place)) return Promise.resolve();
    const done = work()
      .catch((error: unknown) => this.onError(error, place))
      .finally(() => this.busy.delete(place));
    this.busy.set(place, done);
    return done;
  }

  isBusy(place: string): boolean {
    return this.busy.has(place);
  }

  /** Resolves when everything in flight has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.busy.size > 0) await Promise.allSettled([...this.busy.values()]);
  }
}
