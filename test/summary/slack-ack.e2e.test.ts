import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { FakeSlack, sendSigned, slashBody, type Recorded } from '../fakes/slack.js';
import { FakeOpenAI } from '../fakes/openai.js';

/**
 * The real Bolt app in HTTP mode: Slack's request is acknowledged while the
 * model still holds its answer; the summary arrives later at the response_url.
 */
describe('/summarize on Slack with a slow model', () => {
  const model = new FakeOpenAI();
  let slack: FakeSlack;
  let app: App;
  let adapter: SlackAdapter;

  beforeAll(async () => {
    await model.listen();
    slack = await FakeSlack.start();
    app = createApp(
      loadConfig(
        {
          YOMIKAI_DB: ':memory:',
          ...slack.env,
          OPENAI_BASE_URL: model.baseUrl,
          OPENAI_MODEL: 'fake-model',
          SUMMARY_TIMEOUT_MS: '60000',
          SUMMARY_MAX_RETRIES: '0',
        },
        {},
      ),
      silentLogger(),
    );
    adapter = new SlackAdapter(app, { host: '127.0.0.1' });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    app?.close();
    await slack?.close();
    await model.close();
  });

  it('acks at once and posts the summary with its link once the model answers', async () => {
    model.mode = 'held';
    const at = (r: Recorded) => r.path === '/r/summary';
    const sent = await sendSigned(slack.boltPort, slashBody({ command: '/summarize', text: 'X3D language:ja', responseUrl: slack.responseUrl('summary') }));
    // Acknowledged while the model has not answered yet (it answers only on release()).
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');
    await model.waitForRequests(1);
    expect(model.requests[0]!.body.messages[0].content).toContain('Answer in Japanese');
    expect(slack.responses.requests.filter(at)).toHaveLength(0);
    model.release();
    const answer = await slack.responses.waitFor(at);
    const shown = JSON.stringify(answer.body.blocks);
    expect(shown).toContain('HELD SUMMARY #1.');
    expect(shown).toContain('https://arxiv.org/abs/2004.04730');
  });

  it('answers "usage" only to workspace admins, and never asks the model for it', async () => {
    const before = model.requests.length;
    const at = (r: Recorded) => r.path === '/r/usage';
    await sendSigned(slack.boltPort, slashBody({ command: '/summarize', text: 'usage', responseUrl: slack.responseUrl('usage') }));
    const answer = await slack.responses.waitFor(at);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain('Only workspace admins and owners can use /summarize');
    expect(model.requests).toHaveLength(before);
  });
});
