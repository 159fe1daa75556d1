import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Actor } from '../../src/core/invocation.js';
import { readingHarness, say } from './harness.js';

const ADMIN: Actor = { id: '999999999999', name: 'admin', manager: true };

/** The posted ballot, rendered by each platform's real renderer. */
describe('a full ballot on Discord and Slack', () => {
  it('20 candidates fit both (Discord: 4 rows of 5 with a row to spare; Slack: one actions block), and notes never ping', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    for (let i = 0; i < 20; i++) {
      const result = await say(h.app, `/reading nominate paper:${2101 + i}.00001 note:"@everyone <!channel> **${i}**"`, { actor: { id: `1000000000${i}`, name: `m${i}` } });
      expect(result.status).toBe('ok');
    }
    expect((await say(h.app, '/reading vote', { actor: ADMIN })).status).toBe('ok');
    await h.app.idle();
    const ballot = h.adapter.posts.at(-1)!.reply;

    const discord = renderDiscord(ballot);
    const rows = discord.flatMap((message) => message.components ?? []) as { components: { custom_id?: string }[] }[];
    expect(rows).toHaveLength(4);
    expect(rows.flatMap((row) => row.components.map((c) => c.custom_id))).toEqual(ballot.buttons?.map((b) => b.id));
    expect(discord.every((message) => JSON.stringify(message.allowed_mentions) === '{"parse":[]}')).toBe(true);

    const slack = renderSlack(ballot);
    const actions = slack.flatMap((message) => message.blocks).filter((block) => block.type === 'actions');
    expect(actions).toHaveLength(1);
    expect((actions[0] as { elements: unknown[] }).elements).toHaveLength(20);
    const text = JSON.stringify(slack);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    h.app.close();
  });
});
