import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { startSlackBot, stopSlackBot } from '../helpers/slack-bot.js';
import { FakeSlackChannels, type FakeSlack, type Recorded } from '../fakes/slack.js';

const AIKO = 'U1AIKO';
const PRESENTER = 'U9BEN';
type Block = { type: string; text?: { text: string }; elements?: { action_id?: string }[] };
const buttonsOf = (blocks: unknown[]) => (blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('reading sessions on Slack (real Bolt, signed requests, fake Web API)', () => {
  const channels = new FakeSlackChannels();
  // Tuesday 2026-12-01 09:00 in Tokyo.
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  let slack: FakeSlack;
  let app: App;
  let adapter: SlackAdapter;

  beforeAll(async () => {
    ({ slack, app, adapter } = await startSlackBot({ clock, channels, env: { YOMIKAI_TIMEZONE: 'Asia/Tokyo' } }));
  });

  afterAll(() => stopSlackBot({ slack, app, adapter }));

  const slash = (command: string, text: string, userId = AIKO): Promise<Recorded> => slack.slash(command, text, userId);

  it('add → RSVP button → reminder posted, pinging only the presenter', async () => {
    // Posted with chat.postMessage (not the response_url), so its ts is known and its counts stay live.
    const added = await slack.slashToChannel('/yomikai', `reading add title:"X3D <!channel>" when:"金曜 20時" presenter:<@${PRESENTER}>`, AIKO);
    expect(added.body.channel).toBe('C1');
    const shown = JSON.stringify(added.body.blocks);
    expect(shown).toContain('2026-12-04 (Fri) 20:00 Asia/Tokyo');
    expect(shown).not.toContain('<!channel>');
    const [going] = buttonsOf(added.body.blocks as unknown[]);
    expect(going?.action_id).toMatch(/^r1:v:\d+:g$/);

    const answer = await slack.click({ actionId: going!.action_id!, user: { id: 'U2', name: 'chie' }, ephemeral: false });
    expect(JSON.stringify(answer.body)).toContain('Noted: going');
    // The add confirmation itself shows the new count (chat.update of the message it became).
    const card = channels.inChannel('C1')[0]!;
    const live = await slack.api.waitFor((r) => r.path === '/api/chat.update' && r.body.ts === card.ts);
    expect(JSON.stringify(live.body.blocks)).toContain('Going (1)');
    expect(JSON.stringify(live.body.blocks)).toContain('chie');

    // A member who did not add it may not cancel it (and is asked about, as Slack admins may).
    const refused = await slash('/yomikai', 'reading cancel session:1', 'U2');
    expect(JSON.stringify(refused.body)).toContain('added by someone else');

    const before = slack.api.requests.length;
    clock.set('2026-12-03T11:00:00Z');
    await app.tick();
    const posts = slack.api.requests.slice(before).filter((r) => r.path === '/api/chat.postMessage');
    expect(posts).toHaveLength(1);
    const reminder = posts[0]!.body;
    const blocks = reminder.blocks as Block[];
    expect(blocks[0]?.text?.text).toBe(`<@${PRESENTER}>`);
    const text = JSON.stringify(blocks.slice(1));
    expect(text).toContain('In 1d');
    expect(text).toContain('chie');
    expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>/);
    expect(text).not.toContain('<@');
  });

  it('/reading list pages with buttons: a click on Next replaces the list with page 2', async () => {
    // One session from the test above, eight more: nine in all, eight to a page.
    for (let day = 15; day <= 22; day++) await slack.slashToChannel('/yomikai', `reading add title:"Paper ${day}" when:"2026-12-${day} 20:00"`, AIKO);
    const first = await slash('/yomikai', 'reading list');
    const next = buttonsOf(first.body.blocks as unknown[]).find((b) => b.action_id === 'p2:reading.list:2:en:');
    expect(next, 'the first page offers a next-page button').toBeDefined();
    expect(JSON.stringify(first.body.blocks)).not.toContain('Paper 22');

    const page2 = await slack.click({ actionId: next!.action_id!, user: { id: AIKO, name: 'aiko' } });
    expect(page2.body.replace_original).toBe(true);
    const shown = JSON.stringify(page2.body.blocks);
    expect(shown).toContain('Paper 22');
    expect(shown).not.toContain('Paper 15');
  });
});
