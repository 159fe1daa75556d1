import type { Clock } from '../core/clock.js';
import { assessHealth, type HealthReport, type PlatformLiveness } from '../core/health.js';
import type { Db } from '../store/db.js';
import { databaseWriteProblem } from '../store/writable.js';

/** What health asks of the app (src/app.ts): its database, its clock, its scheduler's last pass. */
export interface HealthSource {
  db: Db;
  clock: Clock;
  lastTick(): Date | undefined;
}

/** GET /health's check: asked afresh on every request, with "now" from the app's clock. */
export function healthCheck(source: HealthSource, platforms: readonly PlatformLiveness[]): () => HealthReport {
  return () =>
    assessHealth({
      platforms,
      databaseProblem: databaseWriteProblem(source.db),
      lastTick: source.lastTick(),
      now: source.clock.now(),
    });
}
