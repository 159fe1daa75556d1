import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { commandDefinitions } from '../../src/adapters/discord/definitions.js';
import { allCommands } from '../../src/app.js';
import { APP_ID, FakeDiscord, NO_PERMISSIONS, autocomplete, chatInput } from '../fakes/discord.js';
import { FakeOpenAI } from '../fakes/openai.js';

const commands = allCommands();

/**
 * /summarize through the real discord.js client while the model is slower
 * than Discord's patience: the model's answer is held until the test has seen
 * the deferral, so the order is proven by events, not by timing.
 */
describe('/summarize on Discord with a slow model', () => {
  const discord = new FakeDiscord();
  const model = new FakeOpenAI();
  let app: App;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await Promise.all([discord.listen(), model.listen()]);
    const config = loadConfig(
      {
        YOMIKAI_DB: ':memory:',
        DISCORD_TOKEN: 'x',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
        OPENAI_BASE_URL: model.baseUrl,
        OPENAI_API_KEY: 'x',
        OPENAI_MODEL: 'fake-model',
        SUMMARY_TIMEOUT_MS: '60000',
        SUMMARY_MAX_RETRIES: '0',
      },
      {},
    );
    app = createApp(config, silentLogger());
    adapter = new DiscordAdapter(app, config.discord!);
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await Promise.all([discord.close(), model.close()]);
    app?.close();
  });

  it('defers while the model is still working, then edits in the summary with its link', async () => {
    model.mode = 'held';
    const payload = chatInput('summarize', { entry: 'X3D', length: 'detailed' });
    const deferred = await discord.interact(payload);
    expect(deferred.body.type).toBe(5);
    // The model has the request and has not answered it: the deferral came first.
    expect(model.requests).toHaveLength(1);
    model.release();
    const edit = await discord.waitForCall(
      (call) => call.method === 'PATCH' && call.path === `/v10/webhooks/${APP_ID}/${String(payload.token)}/messages/%40original`,
    );
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe('Summary: X3D');
    expect(embed.description).toContain('HELD SUMMARY #1.');
    expect(embed.description).toContain('Paper: https://arxiv.org/abs/2004.04730');
    expect(embed.description).toContain('Machine-written by fake-model');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes the entry from the whole catalog, like /model, and registers language and length as choices', async () => {
    const payload = autocomplete('summarize', 'entry', 'x3');
    const answer = await discord.interact(payload);
    expect(answer.body.type).toBe(8);
    expect(answer.body.data.choices[0]).toEqual({ name: 'X3D · Model / method', value: 'X3D' });
    const definition = commandDefinitions(commands).find((d) => d.name === 'summarize') as any;
    expect(definition.default_member_permissions).toBeNull();
    const [entry, language, length] = definition.options;
    expect(entry).toMatchObject({ name: 'entry', required: true, autocomplete: true });
    expect(language.choices.map((c: { value: string }) => c.value)).toEqual(['en', 'ja']);
    expect(length.choices.map((c: { value: string }) => c.value)).toEqual(['short', 'detailed']);
  });

  it('keeps "usage" from members without Manage Server, and makes no request for it', async () => {
    const before = model.requests.length;
    const payload = chatInput('summarize', { entry: 'usage' }, { permissions: NO_PERMISSIONS });
    const answer = await discord.interact(payload);
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.embeds[0].description).toContain('Manage Server');
    expect(model.requests).toHaveLength(before);
  });

  it('shows a manager today\'s usage', async () => {
    const payload = chatInput('summarize', { entry: 'usage' });
    const answer = await discord.interact(payload);
    expect(answer.body.data.embeds[0].description).toContain('120 of 50,000 tokens');
  });
});
