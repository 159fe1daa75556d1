/**
 * Platform faults a fake server can play, the way Slack and Discord misbehave
 * in production:
 * - hang: the request is received and never answered, until the test
 *   releases it (then it is answered normally: a slow call) or the server
 *   closes (then the connection is cut, so no test waits for ever);
 * - fail after storing: the request has its effect (a posted message is kept
 *   in the channel's history), then the answer is a 5xx;
 * - rate limit: 429 with Retry-After, and no effect.
 */
export type Fault = { kind: 'hang' } | { kind: 'fail-after-storing'; status: number } | { kind: 'rate-limit'; retryAfterSec: number };

interface Rule<R> {
  match: (request: R) => boolean;
  fault: Fault;
  /** How many more matching requests this rule takes. */
  remaining: number;
}

export class Faults<R> {
  private readonly rules: Rule<R>[] = [];
  private readonly held = new Set<(answer: boolean) => void>();
  private closing = false;

  /** Matching requests hang (all of them unless `times` is given). */
  hang(match: (request: R) => boolean, times = Number.POSITIVE_INFINITY): this {
    return this.add(match, { kind: 'hang' }, times);
  }

  /** The next `times` matching requests take effect, then answer `status` (503 by default). */
  failAfterStoring(match: (request: R) => boolean, status = 503, times = 1): this {
    return this.add(match, { kind: 'fail-after-storing', status }, times);
  }

  /** The next `times` matching requests answer 429 with this Retry-After, and take no effect. */
  rateLimit(match: (request: R) => boolean, retryAfterSec: number, times = 1): this {
    return this.add(match, { kind: 'rate-limit', retryAfterSec }, times);
  }

  /** Forgets every rule (held requests stay held). */
  clear(): void {
    this.rules.length = 0;
  }

  /** The fault this request meets, if any; it counts against its rule. */
  take(request: R): Fault | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && candidate.match(request));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  /** Held until released (true: answer normally) or the server closes (false: never answer). */
  hold(): Promise<boolean> {
    if (this.closing) return Promise.resolve(false);
    return new Promise((resolve) => {
      const release = (answer: boolean) => {
        this.held.delete(release);
        resolve(answer);
      };
      this.held.add(release);
    });
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Lets every held request through, answered as if it had only been slow. */
  releaseAll(): void {
    for (const release of [...this.held]) release(true);
  }

  /** The server is closing: held requests are dropped (the server cuts their connections). */
  endAll(): void {
    this.closing = true;
    for (const release of [...this.held]) release(false);
  }

  private add(match: (request: R) => boolean, fault: Fault, times: number): this {
    this.rules.push({ match, fault, remaining: times });
    return this;
  }
}
