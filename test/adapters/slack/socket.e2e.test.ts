import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { fakeServer, slackApi, slashCommand, type FakeServer } from '../../fakes/slack.js';
import { FakeSlackSocket } from '../../fakes/slack-socket.js';

/**
 * Socket Mode end to end: apps.connections.open on the fake Web API hands out
 * a loopback WebSocket; the fake Slack says hello, sends a slash_commands
 * envelope and expects the envelope's ack back, then the answer arrives at
 * response_url.
 */
let api: FakeServer;
let responses: FakeServer;
const link = new FakeSlackSocket();
let app: App;
let adapter: SlackAdapter;
let connectionOpenAuth: string | undefined;

beforeAll(async () => {
  await link.listen();
  api = await fakeServer(
    slackApi({
      'apps.connections.open': (r) => {
        connectionOpenAuth = String(r.headers.authorization);
        return { ok: true, url: link.url };
      },
    }),
  );
  responses = await fakeServer();
  app = createApp(
    loadConfig({ YOMIKAI_DB: ':memory:', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: `${api.url}/api/` }, {}),
    silentLogger(),
  );
  adapter = new SlackAdapter(app);
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  app?.close();
  await link.close();
  await api?.close();
  await responses?.close();
});

describe('Slack Socket Mode', () => {
  it('opens the connection with the app token, acks a slash_commands envelope and answers via response_url', async () => {
    expect(connectionOpenAuth).toBe('Bearer xapp-test');
    expect(link.socket).toBeDefined();
    const payload = slashCommand({ command: '/model', text: 'X3D', responseUrl: `${responses.url}/r/socket` });
    link.socket!.send(JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload }));

    const answer = await responses.waitFor((r) => r.path === '/r/socket');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body.blocks)).toContain('X3D');
    await expect.poll(() => link.received.find((m) => m.envelope_id === 'env-1')).toBeDefined();
  });

  // Last: it stops the adapter (afterAll's stop is then a no-op).
  it('says it is up (GET /health) while Bolt runs, and down once stopped', async () => {
    expect(adapter.isUp()).toBe(true);
    await adapter.stop();
    expect(adapter.isUp()).toBe(false);
  });
});
