import { describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { ManualClock } from '../../../src/core/clock.js';
import { testApp } from '../../helpers/app.js';
import { fakeServer, freePort, slackApi } from '../../fakes/slack.js';
import { say } from '../harness.js';
import { MANAGER, PUBLIC_URL, feedToken, parseEvents } from './helpers.js';

describe('the calendar feed on Slack’s HTTP server (real Bolt)', () => {
  it('serves GET and HEAD at the token’s address on PORT, 304 for a known ETag, 404 for a wrong token', async () => {
    const api = await fakeServer(slackApi());
    const port = await freePort();
    const app = testApp(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${api.url}/api/`, PORT: String(port), PUBLIC_URL },
      new ManualClock('2026-12-01T00:00:00Z'),
    );
    const adapter = new SlackAdapter(app, { host: '127.0.0.1' });
    try {
      await adapter.start();
      await say(app, '/reading add title:"One-off" when:"2026-12-04 20:00"');
      const token = await feedToken(app, MANAGER);
      const url = `http://127.0.0.1:${port}/reading/feed/${token}.ics`;
      const got = await fetch(url);
      expect(got.status).toBe(200);
      expect(parseEvents(await got.text()).map((event) => event.summary)).toEqual(['One-off']);
      const etag = got.headers.get('etag') ?? '';
      expect((await fetch(url, { method: 'HEAD' })).headers.get('etag')).toBe(etag);
      expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await fetch(`http://127.0.0.1:${port}/reading/feed/${'B'.repeat(32)}.ics`)).status).toBe(404);
    } finally {
      await adapter.stop();
      await api.close();
      app.close();
    }
  });
});
