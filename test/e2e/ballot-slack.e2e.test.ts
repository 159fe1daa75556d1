import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { startSlackBot, stopSlackBot } from '../helpers/slack-bot.js';
import { FakeSlackChannels, type FakeSlack, type Recorded } from '../fakes/slack.js';

const ADMIN = 'U0ADMIN';
type Block = { type: string; elements?: { action_id?: string; text?: { text: string } }[] };
const buttonsOf = (blocks: unknown) => ((blocks ?? []) as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('nominate and vote on Slack (real Bolt, signed requests, fake Web API)', () => {
  const channels = new FakeSlackChannels();
  // Tuesday 2026-12-01 09:00 in Tokyo.
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  let slack: FakeSlack;
  let app: App;
  let adapter: SlackAdapter;

  beforeAll(async () => {
    ({ slack, app, adapter } = await startSlackBot({ clock, channels, env: { YOMIKAI_TIMEZONE: 'Asia/Tokyo' }, admins: [ADMIN] }));
  });

  afterAll(() => stopSlackBot({ slack, app, adapter }));

  const slash = (text: string, userId: string): Promise<Recorded> => slack.slash('/yomikai', text, userId);
  const calls = (path: string, from: number) => slack.api.requests.slice(from).filter((r) => r.path === path);

  it('nominate → vote (managers only) → a private vote, live counts → the close edits the ballot and posts the result', async () => {
    const nominated = await slash('reading nominate paper:X3D note:"<!channel> read this"', 'U1');
    expect(nominated.body.response_type).toBe('in_channel');
    expect(JSON.stringify(nominated.body.blocks)).not.toContain('<!channel>');
    await slash('reading nominate paper:2104.00680', 'U2');

    const refused = await slash('reading vote', 'U1');
    expect(JSON.stringify(refused.body)).toMatch(/admin|manager|Manage/i);
    expect(JSON.stringify(refused.body)).not.toContain('Ballot #1');
    const start = slack.api.requests.length;
    const opened = await slash('reading vote closes:"in 48 hours"', ADMIN);
    expect(JSON.stringify(opened.body)).toContain('Ballot #1 is open with 2 candidates');
    expect(opened.body.response_type).not.toBe('in_channel');
    await app.idle();
    const [ballot] = calls('/api/chat.postMessage', start);
    const buttons = buttonsOf(ballot?.body.blocks);
    expect(buttons.map((b) => b.text?.text)).toEqual(['1. X3D (0)', '2. arXiv:2104.00680 (0)']);

    const vote = await slack.click({ actionId: buttons[1]!.action_id!, user: { id: 'U3', name: 'chie' }, ephemeral: false });
    expect(vote.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(vote.body)).toContain('Your vote: arXiv:2104.00680');
    await app.ballotRunner.settled(1);
    const live = calls('/api/chat.update', start).at(-1);
    expect(buttonsOf(live?.body.blocks).map((b) => b.text?.text)).toEqual(['1. X3D (0)', '2. arXiv:2104.00680 (1)']);
    expect(JSON.stringify(live?.body)).not.toContain('chie');

    const beforeClose = slack.api.requests.length;
    clock.set('2026-12-03T00:01:00Z');
    await app.tick();
    // Slack buttons have no disabled state: the closing edit takes them away.
    const closing = calls('/api/chat.update', beforeClose);
    expect(closing).toHaveLength(1);
    expect(buttonsOf(closing[0]?.body.blocks)).toHaveLength(0);
    const results = calls('/api/chat.postMessage', beforeClose);
    expect(results).toHaveLength(1);
    expect(JSON.stringify(results[0]?.body.blocks)).toContain('Vote result: arXiv:2104.00680');
    await app.tick();
    expect(calls('/api/chat.postMessage', beforeClose)).toHaveLength(1);
  });
});
