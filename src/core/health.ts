/**
 * Whether the running bot is healthy, from facts its parts report: every
 * platform connection up, the database writable, the scheduler alive. Pure,
 * so each failing reason is tested without a network or a broken disk.
 */

/** How long the scheduler may go without a tick (it ticks every minute) before the bot counts as stuck. */
export const TICK_STALE_MS = 2 * 60_000;

/** A running chat platform's connection, as its adapter sees it. */
export interface PlatformLiveness {
  readonly platform: string;
  isUp(): boolean;
}

export interface HealthFacts {
  platforms: readonly PlatformLiveness[];
  /** Undefined when a write succeeds; else why not (SQLITE_READONLY …). */
  databaseProblem: string | undefined;
  /** When the scheduler last started a pass; undefined before its first. */
  lastTick: Date | undefined;
  now: Date;
}

export interface HealthReport {
  ok: boolean;
  /** Why it is not ok, one line each; empty when ok. */
  reasons: string[];
  platforms: Record<string, 'up' | 'down'>;
  lastTick: string | null;
}

export function assessHealth(facts: HealthFacts): HealthReport {
  const reasons: string[] = [];
  const platforms: Record<string, 'up' | 'down'> = {};
  for (const platform of facts.platforms) {
    const up = platform.isUp();
    platforms[platform.platform] = up ? 'up' : 'down';
    if (!up) reasons.push(`${platform.platform}: not connected`);
  }
  if (facts.databaseProblem) reasons.push(`database: not writable (${facts.databaseProblem})`);
  if (!facts.lastTick) reasons.push('scheduler: has not ticked yet');
  else {
    const age = facts.now.getTime() - facts.lastTick.getTime();
    if (age > TICK_STALE_MS) reasons.push(`scheduler: last tick ${Math.round(age / 1000)} s ago (more than ${TICK_STALE_MS / 1000} s)`);
  }
  return { ok: reasons.length === 0, reasons, platforms, lastTick: facts.lastTick?.toISOString() ?? null };
}
