import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, buttonPress, chatInput, message, type RestCall } from '../../fakes/discord.js';

/**
 * Paging on Discord with queries full of emoji: Discord counts a custom id's
 * 100 in UTF-16 units (an emoji is two), so "Page 1 of 2" must still come with
 * a Next button that fits and leads to page 2 (issue 7, part 4).
 */
const ROCKETS = '🚀'.repeat(40);

describe('Discord paging with emoji-heavy queries', () => {
  const fake = new FakeDiscord();
  let app: App;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await fake.listen();
    const config = loadConfig({ YOMIKAI_DB: ':memory:', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, {});
    app = createApp(config, silentLogger());
    adapter = new DiscordAdapter(app, config.discord!);
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  const interact = (payload: Record<string, unknown>): Promise<RestCall> => fake.interact(payload);

  const buttonsOf = (call: RestCall): { custom_id?: string; disabled?: boolean }[] =>
    (call.body.data.components ?? []).flatMap((row: { components: unknown[] }) => row.components);

  it.each([
    ['40 rockets, then the words', `${ROCKETS} network ${'🚀'.repeat(5)}`, 'en', ['Page 1 of 2', 'Page 2 of 2']],
    ['flags (two characters, four units each) before the words', `${'🇯🇵'.repeat(20)} network`, 'ja', ['1 / 2 ページ', '2 / 2 ページ']],
  ] as const)('%s: page 1 has a Next button that fits, and it reaches page 2', async (_label, query, locale, [page1, page2]) => {
    const first = await interact(chatInput('search', { query }, { locale }));
    expect(first.body.type).toBe(4);
    expect(first.body.data.embeds.at(-1).footer.text).toBe(page1);
    const buttons = buttonsOf(first);
    for (const button of buttons) if (button.custom_id) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    const next = buttons.find((button) => button.custom_id?.startsWith('p2:search:2:'));
    expect(next?.disabled).toBe(false);

    const press = await interact(buttonPress(next!.custom_id!, message(CHANNEL_ID, first.body.data), { locale }));
    expect(press.body.type).toBe(7);
    expect(press.body.data.embeds.at(-1).footer.text).toBe(page2);
    const previous = buttonsOf(press).find((button) => button.custom_id?.startsWith('p2:search:1:'));
    expect(previous?.disabled).toBe(false); // and back again
  });

  it('refuses, privately and in UTF-16 terms, a query no page id could carry', async () => {
    const call = await interact(chatInput('search', { query: '𠮷'.repeat(45) }));
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.embeds[0].description).toMatch(/UTF-16 units/);
  });
});
