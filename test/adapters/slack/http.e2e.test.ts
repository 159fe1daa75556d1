import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Command } from '../../../src/core/command.js';
import { silentLogger } from '../../../src/core/logger.js';
import { CommandRegistry } from '../../../src/core/registry.js';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { SHARE_ACTION } from '../../../src/adapters/slack/inbound.js';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import { gate } from '../../helpers/gate.js';
import { FakeSlack, buttonClickBody, sendSigned, slackApi, slashBody, type FakeServer, type Recorded } from '../../fakes/slack.js';

/**
 * The real Bolt app in HTTP mode on 127.0.0.1, fed real signed, form-encoded
 * requests; a fake Web API and a fake response_url record what it sends.
 */
let probeRuns = 0;
const probe: Command = {
  name: 'probe',
  description: 'cmd.help.description',
  example: 'cmd.help.example',
  options: [{ name: 'text', type: 'string', description: 'cmd.help.command' }],
  execute(options) {
    probeRuns++;
    return { kind: 'help', title: 'probe', text: `ran with ${String(options.text ?? '')}` };
  },
};
/** Finishes only when the test opens its gate, so "acked before the answer" is an order of events. */
const slowGate = gate();
const slow: Command = {
  name: 'slow',
  description: 'cmd.help.description',
  example: 'cmd.help.example',
  options: [],
  async execute() {
    await slowGate.passed;
    return { kind: 'help', title: 'slow answer', text: 'finished when the test let it' };
  },
};
const boom: Command = {
  name: 'boom',
  description: 'cmd.help.description',
  example: 'cmd.help.example',
  options: [],
  execute() {
    throw new Error('database on fire');
  },
};

let slack: FakeSlack;
let api: FakeServer;
let responses: FakeServer;
let app: App;
let adapter: SlackAdapter;
let port: number;
let admins = new Set<string>();

beforeAll(async () => {
  slack = await FakeSlack.start(
    slackApi({
      'users.info': (r) => ({ ok: true, user: { id: r.body.user, is_admin: admins.has(String(r.body.user)), is_owner: false } }),
      'chat.postMessage': (r) =>
        r.body.channel === 'CGONE'
          ? { ok: false, error: 'channel_not_found' }
          : r.body.channel === 'COUT'
            ? { ok: false, error: 'not_in_channel' }
            : { ok: true, channel: r.body.channel, ts: '1700000000.000100' },
    }),
  );
  ({ api, responses, boltPort: port } = slack);
  const base = createApp(loadConfig({ YOMIKAI_DB: ':memory:', ...slack.env }, {}), silentLogger());
  // App is a plain object: the same services with two test-only commands added.
  app = { ...base, registry: new CommandRegistry([...commands, probe, slow, boom]) };
  adapter = new SlackAdapter(app, { host: '127.0.0.1' });
  await adapter.start();
});

afterAll(async () => {
  slowGate.open(); // a failed test may leave the slow command waiting
  await adapter?.stop();
  app?.close();
  await slack?.close();
});

const responseUrl = (id: string) => slack.responseUrl(id);
const at = (id: string) => (r: Recorded) => r.path === `/r/${id}`;
const blocksOf = (r: Recorded) => r.body.blocks as { type: string; [key: string]: unknown }[];

describe('Slack HTTP mode', () => {
  it('answers a valid /model X3D with 200 and Block Kit at the response_url, ephemeral with a share button', async () => {
    const sent = await sendSigned(port, slashBody({ command: '/model', text: 'X3D', responseUrl: responseUrl('model') }));
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');
    const answer = await responses.waitFor(at('model'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain('X3D');
    const blocks = blocksOf(answer);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(JSON.stringify(blocks[0])).toContain('X3D');
    expect(blocks.some((b) => b.type === 'section')).toBe(true);
    const actions = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { action_id: string; value: string }[]);
    const share = actions.find((a) => a.action_id === SHARE_ACTION);
    expect(share && JSON.parse(share.value)).toEqual({ c: 'model', o: { name: 'X3D' } });
  });

  it('rejects wrong, missing and stale signatures with 401 and never runs the command', async () => {
    const before = probeRuns;
    const body = slashBody({ command: '/probe', text: 'forged', responseUrl: responseUrl('forged') });
    const now = Math.floor(Date.now() / 1000);
    expect((await sendSigned(port, body, { signature: 'v0=' + '0'.repeat(64) })).status).toBe(401);
    expect((await sendSigned(port, body, { signature: null })).status).toBe(401);
    expect((await sendSigned(port, body, { timestamp: now - 6 * 60 })).status).toBe(401);
    // A genuine request sent after them is answered; a forged one that had slipped through would have run first.
    await sendSigned(port, slashBody({ command: '/probe', text: 'genuine', responseUrl: responseUrl('after-forged') }));
    await responses.waitFor(at('after-forged'));
    expect(probeRuns).toBe(before + 1);
    expect(responses.requests.filter(at('forged'))).toHaveLength(0);
  });

  it('acks a slow command before it finishes and delivers its answer later through response_url', async () => {
    const sent = await sendSigned(port, slashBody({ command: '/slow', text: '', responseUrl: responseUrl('slow') }));
    expect(sent.status).toBe(200);
    // Acked while the command still waits on its gate: the ack cannot have waited for the answer.
    expect(responses.requests.filter(at('slow'))).toHaveLength(0);
    slowGate.open();
    const answer = await responses.waitFor(at('slow'));
    expect(JSON.stringify(answer.body.blocks)).toContain('finished when the test let it');
  });

  it('runs a request once even when Slack retries it (x-slack-retry-num)', async () => {
    const before = probeRuns;
    const body = slashBody({ command: '/probe', text: 'once', responseUrl: responseUrl('retry') });
    expect((await sendSigned(port, body)).status).toBe(200);
    expect((await sendSigned(port, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await responses.waitFor(at('retry'));
    // The next request's answer arrives after the retry would have run, had it been run.
    await sendSigned(port, slashBody({ command: '/probe', text: 'next', responseUrl: responseUrl('after-retry') }));
    await responses.waitFor(at('after-retry'));
    expect(probeRuns).toBe(before + 2);
    expect(responses.requests.filter(at('retry'))).toHaveLength(1);
  });

  it('pages: a click on "Next" replaces the original message with page 2', async () => {
    // Slack keeps /search for itself, so search is typed through the umbrella command.
    await sendSigned(port, slashBody({ command: '/yomikai', text: 'search net', responseUrl: responseUrl('search') }));
    const first = await responses.waitFor(at('search'));
    const buttons = blocksOf(first).filter((b) => b.type === 'actions').flatMap((b) => b.elements as { action_id: string }[]);
    const next = buttons.find((b) => b.action_id.startsWith('p2:search:2:'));
    expect(next, 'the first page offers a next-page button').toBeDefined();
    // Slack buttons can't be disabled, so "previous" on page 1 is left out.
    expect(buttons.some((b) => b.action_id.startsWith('p2:search:0:'))).toBe(false);

    const click = await sendSigned(port, buttonClickBody({ actionId: next!.action_id, responseUrl: responseUrl('page2') }));
    expect(click.status).toBe(200);
    const page2 = await responses.waitFor(at('page2'));
    expect(page2.body.replace_original).toBe(true);
    expect(JSON.stringify(page2.body.blocks)).toMatch(/Page 2 of \d+/);
  });

  it('answers a button it does not know instead of letting Slack time out', async () => {
    const click = await sendSigned(port, buttonClickBody({ actionId: 'q9:answer:1:2', responseUrl: responseUrl('unknown') }));
    expect(click.status).toBe(200);
    const answer = await responses.waitFor(at('unknown'));
    expect(answer.body.text).toBe('That button is no longer understood; run the command again.');
    expect(answer.body.replace_original).toBe(false);
  });

  it('shares an ephemeral lookup into the channel and removes the private copy', async () => {
    const value = JSON.stringify({ c: 'model', o: { name: 'X3D' } });
    await sendSigned(port, buttonClickBody({ actionId: SHARE_ACTION, value, responseUrl: responseUrl('share') }));
    const shared = await responses.waitFor((r) => at('share')(r) && r.body.response_type === 'in_channel');
    expect(JSON.stringify(shared.body.blocks)).toContain('X3D');
    expect(JSON.stringify(shared.body.blocks)).not.toContain(SHARE_ACTION);
    await responses.waitFor((r) => at('share')(r) && r.body.delete_original === true);
  });

  it('escapes <!channel>, <@U…> and @everyone from user input in everything it sends', async () => {
    await sendSigned(port, slashBody({ command: '/probe', text: '<!channel> <@U999> @everyone', responseUrl: responseUrl('escape') }));
    const answer = await responses.waitFor(at('escape'));
    // Button values are never displayed (the share button carries the raw query back to us), so only shown text counts.
    const sent = JSON.stringify(answer.body, (key, value: unknown) => (key === 'value' ? undefined : value));
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U999>');
    expect(sent).not.toMatch(/@everyone/);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('@\u200deveryone');
  });

  it('answers a parse error with the usage line, privately', async () => {
    await sendSigned(port, slashBody({ command: '/yomikai', text: 'search "unclosed', responseUrl: responseUrl('usage') }));
    const answer = await responses.waitFor(at('usage'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body)).toContain('/yomikai search &lt;query&gt;');
  });

  it('lets only workspace admins change /settings, then answers in the workspace language', async () => {
    await sendSigned(port, slashBody({ command: '/settings', text: 'language:ja', responseUrl: responseUrl('settings-denied'), userId: 'U1' }));
    const denied = await responses.waitFor(at('settings-denied'));
    expect(JSON.stringify(denied.body)).toContain('Only workspace admins');
    expect(api.requests.some((r) => r.path === '/api/users.info' && r.body.user === 'U1')).toBe(true);

    admins = new Set(['UADMIN']);
    await sendSigned(port, slashBody({ command: '/settings', text: 'language:ja', responseUrl: responseUrl('settings-ok'), userId: 'UADMIN' }));
    expect(JSON.stringify((await responses.waitFor(at('settings-ok'))).body)).toContain('保存しました');

    await sendSigned(port, slashBody({ command: '/model', text: 'NoSuchModelZZ', responseUrl: responseUrl('in-ja') }));
    expect(JSON.stringify((await responses.waitFor(at('in-ja'))).body)).toMatch(/[ぁ-んァ-ン]/);
    app.settings.update('slack:T1', { language: 'en' });
  });

  it('tells the user something short when a command crashes, without the stack or the error text', async () => {
    await sendSigned(port, slashBody({ command: '/boom', text: '', responseUrl: responseUrl('boom') }));
    const answer = await responses.waitFor(at('boom'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain('something went wrong');
    expect(JSON.stringify(answer.body)).not.toContain('database on fire');
  });

  it('answers GET /health with 200', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
  });

  it('posts scheduled replies with chat.postMessage and names why a channel refused', async () => {
    const ok = await adapter.post('C1', { kind: 'help', title: 'Quiz time', text: '<!here> question 1' });
    expect(ok).toEqual({ ok: true, messageId: '1700000000.000100' });
    const posted = api.requests.find((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C1');
    expect(posted?.headers.authorization).toBe('Bearer xoxb-test');
    expect(JSON.stringify(posted?.body.blocks)).toContain('&lt;!here&gt;');
    expect(await adapter.post('CGONE', { kind: 'help', text: 'x' })).toMatchObject({ ok: false, reason: 'channel-gone' });
    expect(await adapter.post('COUT', { kind: 'help', text: 'x' })).toMatchObject({ ok: false, reason: 'no-permission' });
  });
});
