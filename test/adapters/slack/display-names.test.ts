import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { ManualClock } from '../../../src/core/clock.js';
import { SlackDisplayNames } from '../../../src/adapters/slack/display-names.js';
import { fakeServer, slackApi, type FakeServer } from '../../fakes/slack.js';
import { FakeSlackUsers } from '../../fakes/slack-users.js';

/**
 * The display-name cache with the real WebClient against the fake users.info:
 * a failure shows the handle and is logged once, however often it repeats;
 * the cache holds a bounded number of people.
 */
describe('SlackDisplayNames', () => {
  const users = new FakeSlackUsers();
  let api: FakeServer;
  let client: webApi.WebClient;
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));

  beforeAll(async () => {
    api = await fakeServer(slackApi(users.handlers));
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${api.url}/api/`, retryConfig: { retries: 0 } });
  });
  afterAll(() => api?.close());

  it('falls back to the handle when users.info fails, and logs that once', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const names = new SlackDisplayNames(clock, logger, { failureTtlMs: 60_000 });
    users.failing.add('UFAIL1').add('UFAIL2');
    expect(await names.nameOf(client, 'UFAIL1', 'dan')).toBe('dan');
    clock.advance(61_000); // past the failure's short wait: asked again, fails again
    expect(await names.nameOf(client, 'UFAIL1', 'dan')).toBe('dan');
    expect(await names.nameOf(client, 'UFAIL2', 'eve')).toBe('eve');
    expect(users.lookupsOf('UFAIL1')).toBe(2);
    expect(lines.filter((line) => line.includes('users.info failed'))).toHaveLength(1);
    expect(lines[0]).toContain('missing_scope');
  });

  it('keeps at most maxEntries people, forgetting the one looked up longest ago', async () => {
    const names = new SlackDisplayNames(new ManualClock('2026-12-01T00:00:00Z'), logger, { maxEntries: 2 });
    for (const id of ['UA', 'UB', 'UC']) users.profiles.set(id, { name: id.toLowerCase(), display_name: `Name ${id}` });
    for (const id of ['UA', 'UB', 'UC']) expect(await names.nameOf(client, id, undefined)).toBe(`Name ${id}`);
    await names.nameOf(client, 'UC', undefined);
    await names.nameOf(client, 'UA', undefined);
    expect([users.lookupsOf('UA'), users.lookupsOf('UB'), users.lookupsOf('UC')]).toEqual([2, 1, 1]);
  });
});
