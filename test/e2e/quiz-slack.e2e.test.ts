import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../src/app.js';

const commands = allCommands();
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { POST_EVENT } from '../../src/adapters/slack/deliver.js';
import { escapeText } from '../../src/adapters/slack/escape.js';
import { buildManifest } from '../../src/adapters/slack/manifest.js';
import { startSlackBot, stopSlackBot } from '../helpers/slack-bot.js';
import { FakeSlackChannels, type FakeSlack, type Recorded } from '../fakes/slack.js';
import { answerButton, forgetPostedMessage, forgetRevealMessage, roundById, storedAnswers, storedSchedules, keysOf } from './quiz-helpers.js';

/**
 * The daily quiz through the real Bolt app in HTTP mode, fed signed requests,
 * against a fake Web API that keeps the channel's messages: a workspace admin
 * schedules it, the runner's tick posts the round at 09:00 Tokyo time (the
 * clock is set by hand), members click, the reveal comes when the clock says.
 */
const ADMIN = 'UADMIN';
const ALICE = { id: 'U2', name: 'alice' };
const BOB = { id: 'U3', name: 'bob' };
/** A name is the user's to choose; this one must never notify the channel. */
const PRANKSTER = { id: 'U4', name: '<!channel>' };

type Block = { type: string; elements?: { action_id?: string }[]; fields?: { text: string }[] };
const buttonsOf = (blocks: unknown[]) => (blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const answersShown = (blocks: unknown[]) =>
  (blocks as Block[]).flatMap((b) => b.fields ?? []).find((f) => f.text.startsWith('*Answers*'))?.text.split('\n')[1];

describe('the daily quiz on Slack (real Bolt, signed requests, fake Web API)', () => {
  const channels = new FakeSlackChannels();
  const clock = new ManualClock('2026-11-30T23:50:00Z'); // 08:50 in Tokyo
  let slack: FakeSlack;
  let app: App;
  let adapter: SlackAdapter;
  let roundId = 0;
  let roundTs = '';

  beforeAll(async () => {
    ({ slack, app, adapter } = await startSlackBot({ clock, channels, admins: [ADMIN] }));
  });

  afterAll(() => stopSlackBot({ slack, app, adapter }));

  /** A signed slash command; resolves with what the bot sent to its response_url. */
  const slash = (command: string, text: string, userId = ADMIN): Promise<Recorded> => slack.slash(command, text, userId);

  /** A signed click on an answer button of the posted round; resolves with the private answer. */
  const click = (choice: number, user: { id: string; name: string }): Promise<Recorded> =>
    slack.click({ actionId: `q1:a:${roundId}:${choice}`, user, messageTs: roundTs, ephemeral: false });

  const apiCalls = (method: string, from = 0) => slack.api.requests.slice(from).filter((r) => r.path === `/api/${method}`);

  it('refuses /quiz schedule to a member who is not a workspace admin, and stores nothing', async () => {
    const forms: [string, string][] = [['/quiz', 'schedule time:09:00 timezone:Asia/Tokyo'], ['/yomikai', 'quiz schedule time:09:00']];
    for (const [command, text] of forms) {
      const denied = await slash(command, text, 'U1');
      expect(denied.body.response_type).toBe('ephemeral');
      expect(String(denied.body.text)).toContain('Only workspace admins');
    }
    expect(apiCalls('users.info').some((r) => r.body.user === 'U1')).toBe(true);
    expect(storedSchedules(app)).toBe(0);
  });

  it('schedules for an admin through /yomikai quiz, and again through /quiz, which the manifest registers', async () => {
    const saved = await slash('/yomikai', 'quiz schedule time:09:00 timezone:Asia/Tokyo');
    expect(JSON.stringify(saved.body.blocks)).toContain('2026-12-01 (Tue) 09:00 Asia/Tokyo');
    expect(storedSchedules(app)).toBe(1);

    const registered = buildManifest(commands, { socketMode: true }).features.slash_commands.map((c) => c.command);
    expect(registered).toContain('/quiz');
    const again = await slash('/quiz', 'schedule time:09:00 timezone:Asia/Tokyo');
    expect(JSON.stringify(again.body.blocks)).toContain('replaces the channel’s previous schedule');
    expect(storedSchedules(app)).toBe(1);
  });

  it('posts the round at 09:00 Tokyo with four answer buttons and metadata a restart can find', async () => {
    const before = slack.api.requests.length;
    clock.set('2026-12-01T00:00:00Z');
    await app.quizRunner.tick();
    const posts = apiCalls('chat.postMessage', before);
    expect(posts).toHaveLength(1);
    const { body } = posts[0]!;
    expect(body.channel).toBe('C1');
    const buttons = buttonsOf(body.blocks as unknown[]);
    expect(buttons).toHaveLength(4);
    for (const button of buttons) expect(button.action_id).toMatch(/^q1:a:\d+:[0-3]$/);
    roundId = answerButton(buttons[0]!.action_id!).roundId;
    expect(body.metadata).toEqual({ event_type: POST_EVENT, event_payload: { key: keysOf(app).round(roundId) } });
    const round = roundById(app, roundId);
    expect(String(body.text)).toContain(escapeText(round.question.question.en));
    roundTs = round.messageId!;
    expect(channels.find('C1', roundTs)).toBeDefined();
  });

  it('after a crash between post and record, a restart finds the first post in the history and posts nothing more', async () => {
    forgetPostedMessage(app, roundId);
    const before = slack.api.requests.length;
    clock.set('2026-12-01T00:03:00Z');
    await app.quizRunner.tick();
    const [history] = apiCalls('conversations.history', before);
    expect(history?.body).toMatchObject({ channel: 'C1', include_all_metadata: 'true' });
    expect(apiCalls('chat.postMessage', before)).toHaveLength(0);
    expect(channels.inChannel('C1')).toHaveLength(1);
    expect(roundById(app, roundId)).toMatchObject({ state: 'open', messageId: roundTs });
  });

  it('records clicks privately through response_url, one answer per person, and updates the live count', async () => {
    const { correctChoice } = roundById(app, roundId);
    const wrong = (correctChoice + 1) % 4;
    const clicks: [{ id: string; name: string }, number, RegExp][] = [
      [PRANKSTER, correctChoice, /^Recorded: /],
      [ALICE, wrong, /^Recorded: /],
      [BOB, wrong, /^Recorded: /],
      // Bob thinks again: his answer changes rather than a second one being added.
      [BOB, correctChoice, /^Changed to /],
    ];
    for (const [who, choice, said] of clicks) {
      clock.advance(60_000); // a minute apart, so "first correct" has a clear winner
      const answer = await click(choice, who);
      expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(answer.body.text)).toMatch(said);
    }
    expect(storedAnswers(app, roundId)).toBe(3);
    const live = await slack.api.waitFor((r) => r.path === '/api/chat.update' && r.body.ts === roundTs && answersShown(r.body.blocks as unknown[]) === '3');
    expect(buttonsOf(live.body.blocks as unknown[])).toHaveLength(4);
  });

  it('reveals when the clock reaches the reveal time: buttons gone, the answer posted, the first name escaped', async () => {
    const before = slack.api.requests.length;
    clock.set('2026-12-01T12:00:00Z'); // 12 h after posting, the default reveal_after
    await app.quizRunner.tick();
    const round = roundById(app, roundId);
    expect(round.state).toBe('revealed');

    const closing = apiCalls('chat.update', before).find((r) => r.body.ts === roundTs);
    expect(closing, 'the round message is edited at the reveal').toBeDefined();
    expect(buttonsOf(closing!.body.blocks as unknown[])).toHaveLength(0);
    // What members finally see is the closed round, whatever live-count edits were in flight.
    expect(buttonsOf(channels.find('C1', roundTs)!.blocks)).toHaveLength(0);

    const [reveal] = apiCalls('chat.postMessage', before);
    expect(reveal?.body.metadata).toEqual({ event_type: POST_EVENT, event_payload: { key: keysOf(app).reveal(roundId) } });
    const shown = JSON.stringify(reveal!.body.blocks);
    expect(String(reveal!.body.text)).toContain('Quiz answer · 2026-12-01');
    expect(shown).toContain(escapeText(round.question.choices[round.correctChoice]!.en));
    expect(shown).toContain('2 of 3 answered correctly (67%)');
    expect(shown).toContain('First correct answer: &lt;!channel&gt;');
    expect(JSON.stringify(reveal!.body)).not.toContain('<!channel>');
    expect(round.revealMessageId).toBe(reveal && channels.inChannel('C1').at(-1)?.ts);
  });

  it('after a crash between the reveal and its record, a restart finds the reveal in the history and posts it once', async () => {
    const revealTs = roundById(app, roundId).revealMessageId;
    forgetRevealMessage(app, roundId);
    const before = slack.api.requests.length;
    clock.advance(60_000);
    await app.quizRunner.tick();
    expect(apiCalls('conversations.history', before)).toHaveLength(1);
    expect(apiCalls('chat.postMessage', before)).toHaveLength(0);
    expect(channels.inChannel('C1')).toHaveLength(2);
    expect(roundById(app, roundId).revealMessageId).toBe(revealTs);
  });

  it('answers a click after the reveal politely and records nothing', async () => {
    const late = await click(0, { id: 'U5', name: 'latecomer' });
    expect(late.body.response_type).toBe('ephemeral');
    expect(String(late.body.text)).toContain('answers are closed');
    expect(storedAnswers(app, roundId)).toBe(3);
  });

  it('shows the league by name with /quiz leaderboard period:all, notifying nobody', async () => {
    const board = await slash('/quiz', 'leaderboard period:all', ALICE.id);
    const shown = JSON.stringify(board.body.blocks);
    expect(shown).toContain('Quiz leaderboard · all time');
    expect(shown).toMatch(/&lt;!channel&gt; — 1 correct of 1/);
    expect(shown).toMatch(/bob — 1 correct of 1/);
    expect(shown).toMatch(/3\. alice — 0 correct of 1/);
    expect(JSON.stringify(board.body)).not.toContain('<!channel>');
  });
});
