import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import type { HealthServer } from '../../../src/adapters/health-server.js';
import { ManualClock } from '../../../src/core/clock.js';
import { testApp } from '../../helpers/app.js';
import { BEN, say } from '../harness.js';
import { MANAGER, PUBLIC_URL, feedServer, feedToken, fetchFeed, parseEvents } from './helpers.js';

const NOW = '2026-12-01T00:00:00Z';

/** The feed over real HTTP: the bot's own server on 127.0.0.1, the calendar read back by ical.js. */
describe('/reading feed over HTTP', () => {
  let app: App;
  let server: HealthServer;
  let clock: ManualClock;

  const start = async (overrides: Record<string, string> = { PUBLIC_URL }) => {
    clock = new ManualClock(NOW);
    app = testApp({ YOMIKAI_TIMEZONE: 'Europe/Berlin', ...overrides }, clock);
    server = await feedServer(app);
  };

  afterEach(async () => {
    await server?.close();
    app?.close();
  });

  it('serves the channel’s calendar at the token’s address: summary, start in its zone, RRULE, EXDATE, SEQUENCE, UID', async () => {
    await start();
    await say(app, '/reading add title:"Weekly" when:"2026-12-07 19:30" repeat:"weekly x6" paper:2004.04730');
    await say(app, '/reading skip session:1 date:2026-12-14');
    const token = await feedToken(app, MANAGER);
    const response = await fetchFeed(server, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const body = await response.text();
    const [weekly, ...others] = parseEvents(body);
    expect(others).toEqual([]);
    expect(weekly?.summary).toBe('Weekly');
    expect(weekly?.uid).toBe('reading-1-discordguild1chan1@yomikai');
    expect(weekly?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(weekly?.startDate.toString()).toBe('2026-12-07T19:30:00');
    expect(weekly?.startDate.toJSDate().toISOString()).toBe('2026-12-07T18:30:00.000Z');
    const rule = weekly?.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.count).toBe(6);
    const exdates = weekly?.component.getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString());
    expect(exdates).toEqual(['2026-12-14T18:30:00.000Z']);
    // The skip was a change: SEQUENCE 1, not the 0 of a session as added.
    expect(weekly?.sequence).toBe(1);
    // The same calendar /reading ics attaches: one code path for both.
    const file = (await say(app, '/reading ics')).reply.attachments?.[0]?.content;
    expect(body).toBe(file);
  });

  it('answers 404 with the same body to a wrong, malformed or unknown-shaped token, and to methods other than GET and HEAD', async () => {
    await start();
    const token = await feedToken(app, MANAGER);
    const wrong = await fetchFeed(server, 'A'.repeat(32));
    const malformed = await fetchFeed(server, '..%2F..%2Fetc');
    const tooShort = await fetchFeed(server, token.slice(0, 31));
    const bodies = await Promise.all([wrong, malformed, tooShort].map(async (r) => [r.status, r.headers.get('content-type'), await r.text()]));
    expect(bodies).toEqual(Array.from({ length: 3 }, () => [404, 'text/plain; charset=utf-8', 'Not found\n']));
    expect((await fetchFeed(server, token, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/reading/feed/${token}.ics/more`)).status).toBe(404);
    expect((await fetchFeed(server, token)).status).toBe(200);
  });

  it('answers If-None-Match with 304, HEAD with the headers alone, and keeps the ETag while nothing changes', async () => {
    await start();
    await say(app, '/reading add title:"One-off" when:"2026-12-04 20:00"');
    const token = await feedToken(app, MANAGER);
    const first = await fetchFeed(server, token);
    const etag = first.headers.get('etag') ?? '';
    clock.advance(3_600_000);
    const later = await fetchFeed(server, token);
    expect(later.headers.get('etag')).toBe(etag);
    expect(await later.text()).toBe(await first.text());
    const unchanged = await fetchFeed(server, token, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    const head = await fetchFeed(server, token, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });

  it('gives an edited session a new ETag and a higher SEQUENCE', async () => {
    await start();
    await say(app, '/reading add title:"One-off" when:"2026-12-04 20:00"');
    const token = await feedToken(app, MANAGER);
    const before = await fetchFeed(server, token);
    const etag = before.headers.get('etag') ?? '';
    expect(parseEvents(await before.text())[0]?.sequence).toBe(0);
    clock.advance(60_000);
    await say(app, '/reading edit session:1 when:"2026-12-05 20:00"');
    const after = await fetchFeed(server, token, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const [event] = parseEvents(await after.text());
    expect(event?.sequence).toBe(1);
    expect(event?.startDate.toString()).toBe('2026-12-05T20:00:00');
    expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-01T00:01:00Z');
  });

  it('keeps a cancelled session as STATUS:CANCELLED with a higher SEQUENCE, and drops it after sixty days', async () => {
    await start();
    await say(app, '/reading add title:"Weekly" when:"2026-12-07 19:30" repeat:weekly');
    const token = await feedToken(app, MANAGER);
    await say(app, '/reading cancel session:1');
    const [cancelled] = parseEvents(await (await fetchFeed(server, token)).text());
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.sequence).toBe(1);
    clock.advance(61 * 86_400_000);
    expect(parseEvents(await (await fetchFeed(server, token)).text())).toEqual([]);
  });

  it('rotation (managers only) ends every earlier address; the new one works', async () => {
    await start();
    await say(app, '/reading add title:"One-off" when:"2026-12-04 20:00"');
    const managers = await feedToken(app, MANAGER);
    const bens = await feedToken(app, BEN);
    const refused = await say(app, '/reading feed rotate', { actor: BEN });
    expect(refused.status).toBe('user-error');
    expect(refused.reply.text).toContain('Only managers can rotate');
    expect((await fetchFeed(server, bens)).status).toBe(200);
    const fresh = await feedToken(app, MANAGER, '/reading feed rotate');
    expect((await fetchFeed(server, managers)).status).toBe(404);
    expect((await fetchFeed(server, bens)).status).toBe(404);
    expect((await fetchFeed(server, fresh)).status).toBe(200);
  });

  it('gives a member asking again a new address and ends their old one', async () => {
    await start();
    const first = await feedToken(app, BEN);
    const second = await feedToken(app, BEN);
    expect(second).not.toBe(first);
    expect((await fetchFeed(server, first)).status).toBe(404);
    expect((await fetchFeed(server, second)).status).toBe(200);
  });

  it('replies privately with both forms of the address and how to subscribe', async () => {
    await start();
    const result = await say(app, '/reading feed', { actor: BEN });
    expect(result.reply.ephemeral).toBe(true);
    const values = (result.reply.fields ?? []).map((field) => field.value);
    expect(values[0]).toMatch(/^webcal:\/\/yomikai\.example\.org\/bot\/reading\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(values[1]).toBe(values[0]?.replace('webcal://', 'https://'));
    expect(values[2]).toMatch(/Google Calendar: .*From URL[\s\S]*Apple Calendar: .*New Calendar Subscription[\s\S]*Outlook: .*Subscribe from web/);
    expect(app.db.prepare('SELECT token_hash FROM reading_feed_tokens').pluck().all()).not.toContain(values[1]?.match(/feed\/(.*)\.ics/)?.[1]);
  });

  it('explains what to set when there is no PUBLIC_URL, in English and Japanese', async () => {
    await start({});
    const en = await say(app, '/reading feed');
    expect(en.reply.ephemeral).toBe(true);
    expect(en.reply.text).toContain('set PUBLIC_URL');
    expect(en.reply.fields).toBeUndefined();
    const ja = await say(app, '/reading feed', { lang: 'ja' });
    expect(ja.reply.text).toContain('PUBLIC_URL に');
    expect(app.db.prepare('SELECT count(*) FROM reading_feed_tokens').pluck().get()).toBe(0);
  });
});
