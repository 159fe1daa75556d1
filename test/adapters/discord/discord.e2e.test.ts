import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Command } from '../../../src/core/command.js';
import { silentLogger } from '../../../src/core/logger.js';
import { CommandRegistry } from '../../../src/core/registry.js';
import { DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { KIND_COLOURS } from '../../../src/adapters/discord/render.js';
import { DEFER_AFTER_MS } from '../../../src/adapters/discord/respond.js';
import { gate } from '../../helpers/gate.js';
import {
  APP_ID, CHANNEL_ID, FakeDiscord, NO_PERMISSIONS, autocomplete, buttonPress, chatInput, message, type RestCall,
} from '../../fakes/discord.js';

/**
 * Test-only commands: one whose handler throws, and two that take longer than
 * Discord's patience. The slow ones wait on a gate the test opens once it has
 * seen the deferral, so "deferred before the answer was ready" is an order of
 * events, not a stopwatch reading.
 */
const boom: Command = {
  name: 'boom', description: 'cmd.help.description', example: 'cmd.help.example', options: [],
  execute() {
    throw new Error('kaboom');
  },
};
const slowGate = gate();
const slow: Command = {
  name: 'slow', description: 'cmd.help.description', example: 'cmd.help.example', options: [],
  async execute() {
    await slowGate.passed;
    return { kind: 'list', title: 'slow done', text: 'finally' };
  },
};

const slowFailGate = gate();
const slowFail: Command = {
  name: 'slowfail', description: 'cmd.help.description', example: 'cmd.help.example', options: [],
  async execute() {
    await slowFailGate.passed;
    throw new Error('late kaboom');
  },
};

describe('Discord adapter against a loopback Discord', () => {
  const fake = new FakeDiscord();
  let app: App;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await fake.listen();
    const config = loadConfig({ YOMIKAI_DB: ':memory:', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, {});
    app = createApp(config, silentLogger());
    const services = { ...app, registry: new CommandRegistry([...commands, boom, slow, slowFail]) };
    adapter = new DiscordAdapter(services, config.discord!);
    await adapter.start();
  });

  afterAll(async () => {
    // A failed test may leave a slow command waiting; let it finish before stopping.
    slowGate.open();
    slowFailGate.open();
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  /** Sends an interaction through the gateway and returns the bot's first answer to it. */
  const interact = (payload: Record<string, unknown>): Promise<RestCall> => fake.interact(payload);

  it('reaches ready through /gateway/bot and IDENTIFY', () => {
    expect(fake.calls.some((call) => call.method === 'GET' && call.path === '/v10/gateway/bot')).toBe(true);
    expect(fake.identifies).toHaveLength(1);
  });

  it('answers /model X3D with the model card: title, arXiv link, colour, mentions off', async () => {
    const call = await interact(chatInput('model', { name: 'X3D' }));
    expect(call.body.type).toBe(4);
    const data = call.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);
    const [embed] = data.embeds;
    expect(embed.title).toBe('X3D');
    expect(embed.url).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    expect(embed.color).toBe(KIND_COLOURS.model);
    expect(embed.footer.text).toContain('CCC2021');
    const buttons = data.components.flatMap((row: any) => row.components);
    expect(buttons).toContainEqual(expect.objectContaining({ style: 5, url: embed.url, label: 'arXiv' }));
  });

  it('answers in Japanese when the user’s locale is ja', async () => {
    const call = await interact(chatInput('topic', {}, { locale: 'ja' }));
    expect(call.body.data.embeds[0].title).toBe('サーベイの章');
  });

  it('autocompletes "x3" with X3D and "セグ" with the segmentation tasks', async () => {
    const x3 = await interact(autocomplete('model', 'name', 'x3'));
    expect(x3.body.type).toBe(8);
    expect(x3.body.data.choices[0]).toEqual({ name: 'X3D · Model / method', value: 'X3D' });

    const seg = await interact(autocomplete('dataset', 'query', 'セグ', { locale: 'ja' }));
    const choices = seg.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThanOrEqual(3);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toEqual(
      expect.arrayContaining(['セグメンテーション', 'セマンティックセグメンテーション', 'インスタンスセグメンテーション']),
    );
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('turns the page when a paging button is pressed (callback type 7)', async () => {
    const first = await interact(chatInput('search', { query: 'net' }));
    const buttons = first.body.data.components.flatMap((row: any) => row.components);
    const next = buttons.find((button: any) => button.custom_id === 'p2:search:2:en:net');
    expect(next).toMatchObject({ type: 2, disabled: false });
    expect(first.body.data.embeds.at(-1).footer.text).toBe('Page 1 of 2');

    const press = await interact(buttonPress(next.custom_id, message(CHANNEL_ID, first.body.data)));
    expect(press.body.type).toBe(7);
    expect(press.body.data.embeds.at(-1).footer.text).toBe('Page 2 of 2');
    expect(press.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps a shared list in its language when someone with another locale turns the page', async () => {
    const first = await interact(chatInput('search', { query: 'net' }, { locale: 'en-US' }));
    const next = first.body.data.components.flatMap((row: any) => row.components).find((b: any) => b.custom_id?.startsWith('p2:search:2:'));
    const press = await interact(buttonPress(next.custom_id, message(CHANNEL_ID, first.body.data), { locale: 'ja' }));
    expect(press.body.data.embeds.at(-1).footer.text).toBe('Page 2 of 2');
  });

  it('sends /model @everyone with mentions disabled, escaped and privately', async () => {
    const call = await interact(chatInput('model', { name: '@everyone <@1234> **bold**' }));
    const data = call.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags).toBe(64);
    const text = JSON.stringify(data.embeds);
    expect(text).not.toMatch(/@everyone|<@1234>|\*\*bold/);
    expect(data.embeds[0].description).toContain('@\u200beveryone');
  });

  it('still answers when a handler throws', async () => {
    const call = await interact(chatInput('boom'));
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.embeds[0].description).toMatch(/^Sorry/);
  });

  it('defers a slow command before the 3 s deadline, then edits the original reply', async () => {
    // The deadline is a constant, so it is checked as one; no clock is read.
    expect(DEFER_AFTER_MS).toBeLessThan(3000);
    const payload = chatInput('slow');
    const editPath = `/v10/webhooks/${APP_ID}/${String(payload.token)}/messages/%40original`;
    const deferred = await interact(payload);
    expect(deferred.body.type).toBe(5);
    // The command is still waiting on its gate, so nothing but the deferral can have been sent.
    expect(fake.calls.some((call) => call.path === editPath)).toBe(false);
    slowGate.open();
    const edit = await fake.waitForCall((call) => call.method === 'PATCH' && call.path === editPath);
    expect(edit.body.embeds[0].title).toBe('slow done');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a slow failure privately: the public "thinking…" is deleted, the apology follows up ephemeral', async () => {
    const payload = chatInput('slowfail');
    expect((await interact(payload)).body.type).toBe(5);
    slowFailGate.open();
    const original = `/v10/webhooks/${APP_ID}/${String(payload.token)}`;
    await fake.waitForCall((call) => call.method === 'DELETE' && call.path === `${original}/messages/%40original`);
    const followUp = await fake.waitForCall((call) => call.method === 'POST' && call.path === original);
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.embeds[0].description).toMatch(/^Sorry/);
  });

  it('refuses /settings changes to members without Manage Server, and allows managers', async () => {
    const denied = await interact(chatInput('settings', { language: 'ja' }, { permissions: NO_PERMISSIONS }));
    expect(denied.body.data.flags).toBe(64);
    expect(denied.body.data.embeds[0].description).toContain('Manage Server');
    const allowed = await interact(chatInput('settings', { language: 'ja' }));
    expect(allowed.body.data.embeds[0].title).toBe('この場所の設定');
  });

  it('posts scheduled messages and names the failures that should disable a schedule', async () => {
    const ok = await adapter.post(CHANNEL_ID, { kind: 'topic', title: 'Quiz @here', text: 'Round 1' });
    expect(ok).toMatchObject({ ok: true });
    const posted = fake.calls.filter((call) => call.method === 'POST' && call.path === `/v10/channels/${CHANNEL_ID}/messages`).at(-1);
    expect(posted?.body.allowed_mentions).toEqual({ parse: [] });
    expect(posted?.body.embeds[0].title).toBe('Quiz @\u200bhere');

    fake.goneChannels.add('300000000000000009');
    fake.forbiddenChannels.add('300000000000000008');
    expect(await adapter.post('300000000000000009', { kind: 'topic', text: 'x' })).toMatchObject({ ok: false, reason: 'channel-gone' });
    expect(await adapter.post('300000000000000008', { kind: 'topic', text: 'x' })).toMatchObject({ ok: false, reason: 'no-permission' });
  });

  it('comes back after the gateway drops the connection', async () => {
    const before = fake.connections;
    fake.dropConnection();
    await fake.waitForConnections(before + 1);
    const call = await interact(chatInput('model', { name: 'X3D' }));
    expect(call.body.data.embeds[0].title).toBe('X3D');
  });
});
