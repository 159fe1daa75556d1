import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import type { HealthServer } from '../../../src/adapters/health-server.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { MANAGER, PUBLIC_URL, feedServer, feedToken, fetchFeed } from './helpers.js';

/** Every log line the app writes, as text. */
function recordingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

describe('a feed request that fails', () => {
  let app: App;
  let server: HealthServer;
  afterEach(async () => {
    await server?.close();
  });

  it('answers 500 and logs the failure without the token', async () => {
    const lines: string[] = [];
    app = createApp(loadConfig({ YOMIKAI_DB: ':memory:', PUBLIC_URL }, {}), recordingLogger(lines), new ManualClock('2026-12-01T00:00:00Z'));
    server = await feedServer(app);
    const token = await feedToken(app, MANAGER);
    // The database goes away under the server: building the calendar throws.
    app.close();
    const response = await fetchFeed(server, token);
    expect(response.status).toBe(500);
    const failure = lines.find((line) => line.includes('feed request failed'));
    expect(failure).toBeDefined();
    expect(lines.join('')).not.toContain(token);
  });
});
