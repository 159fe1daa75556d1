import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import type { HealthServer } from '../../../src/adapters/health-server.js';
import { ManualClock } from '../../../src/core/clock.js';
import { testApp } from '../../helpers/app.js';
import { APP_ID, FakeDiscord, subcommandInput } from '../../fakes/discord.js';
import { PUBLIC_URL, feedServer, fetchFeed } from './helpers.js';

/** Discord's Manage Server bit alone: a member who may not rotate. */
const NO_MANAGE = '0';

/** /reading feed through the real discord.js client against the loopback Discord, the feed on FEED_PORT's server. */
describe('/reading feed on Discord (loopback)', () => {
  const fake = new FakeDiscord();
  let app: App;
  let adapter: DiscordAdapter;
  let server: HealthServer;

  beforeAll(async () => {
    await fake.listen();
    // FEED_PORT satisfies the start-up check (PUBLIC_URL needs a server); the test's server takes a free port instead.
    app = testApp({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, PUBLIC_URL, FEED_PORT: '8082' }, new ManualClock('2026-12-01T00:00:00Z'));
    adapter = new DiscordAdapter(app, app.config.discord!);
    app.adapters.set('discord', adapter);
    await adapter.start();
    server = await feedServer(app);
  });

  afterAll(async () => {
    await server?.close();
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  const tokenIn = (fields: { name: string; value: string }[]) => /feed\/([A-Za-z0-9_-]+)\.ics$/.exec(fields.find((f) => f.value.startsWith('https://'))?.value ?? '')?.[1] ?? '';

  it('answers privately with the address; rotation is refused to a member without Manage Server and ends the old address for a manager', async () => {
    const asked = (await fake.interact(subcommandInput('reading', 'feed', {}, { permissions: NO_MANAGE }))).body.data;
    expect(asked.flags).toBe(64);
    const fields = asked.embeds[0].fields as { name: string; value: string }[];
    expect(fields.map((f) => f.name)).toEqual(['Subscribe (webcal)', 'Address (https)', 'How to subscribe']);
    const token = tokenIn(fields);
    expect((await fetchFeed(server, token)).status).toBe(200);

    const refused = (await fake.interact(subcommandInput('reading', 'feed', { action: 'rotate' }, { permissions: NO_MANAGE }))).body.data;
    expect(refused.flags).toBe(64);
    expect(JSON.stringify(refused.embeds ?? refused.content)).toContain('Only managers can rotate');
    expect((await fetchFeed(server, token)).status).toBe(200);

    const rotated = (await fake.interact(subcommandInput('reading', 'feed', { action: 'rotate' }))).body.data;
    expect(rotated.flags).toBe(64);
    expect((await fetchFeed(server, token)).status).toBe(404);
    expect((await fetchFeed(server, tokenIn(rotated.embeds[0].fields))).status).toBe(200);
  });
});
