import type { PassThrough } from 'node:stream';

/**
 * Everything a stream has printed, with a way to wait until some text shows
 * up — an event (a chunk arriving), never a sleep.
 */
export class Transcript {
  text = '';
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(stream: PassThrough) {
    stream.on('data', (chunk: Buffer) => {
      this.text += chunk.toString();
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test()) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  /**
   * Resolves once `pattern` appears after position `from` (default: anywhere).
   * If it never does, the test's own timeout ends it; `explain` then shows the
   * screen, so a failure says what was printed instead.
   */
  waitFor(pattern: string | RegExp, from = 0): Promise<void> {
    const test = () => {
      const rest = this.text.slice(from);
      return typeof pattern === 'string' ? rest.includes(pattern) : pattern.test(rest);
    };
    this.lastWanted = `${String(pattern)} after position ${from}`;
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  lastWanted = '';

  /** What was awaited last and what the screen holds: for a failing test's message. */
  explain(): string {
    return `waiting for ${this.lastWanted}; the screen shows:\n${this.text}`;
  }
}
