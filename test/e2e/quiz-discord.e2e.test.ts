import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { escapeText } from '../../src/adapters/discord/text.js';
import { testApp } from '../helpers/app.js';
import {
  APP_ID, CHANNEL_ID, FakeDiscord, NO_PERMISSIONS, buttonPress, fakeUser, subcommandInput, type InteractionOptions, type RestCall,
} from '../fakes/discord.js';
import { answerButton, forgetPostedMessage, forgetRevealMessage, roundById, storedAnswers, storedSchedules, keysOf } from './quiz-helpers.js';

/**
 * The daily quiz through the real discord.js client against the loopback
 * Discord: a manager schedules it, the runner's tick posts the round at
 * 09:00 Tokyo time (the clock is set by hand, never waited for), members
 * answer with buttons, the round is revealed, the league is shown.
 */
const ALICE = fakeUser('400000000000000002', 'alice', 'Alice');
const BOB = fakeUser('400000000000000003', 'bob', 'Bob');
/** A display name is the user's to choose; this one must never ping the server. */
const PRANKSTER = fakeUser('400000000000000004', 'prankster', '@everyone');

const isChannelPost = (call: RestCall) => call.method === 'POST' && call.path === `/v10/channels/${CHANNEL_ID}/messages`;
const buttonsOf = (body: any): any[] => (body.components ?? []).flatMap((row: any) => row.components);
const fieldValue = (body: any, name: string): string | undefined => body.embeds?.[0]?.fields?.find((f: any) => f.name === name)?.value;

describe('the daily quiz on Discord (real discord.js, loopback Discord)', () => {
  const fake = new FakeDiscord();
  const clock = new ManualClock('2026-11-30T23:50:00Z'); // 08:50 in Tokyo
  let app: App;
  let adapter: DiscordAdapter;
  let roundId = 0;
  let roundMessage = '';

  beforeAll(async () => {
    await fake.listen();
    app = testApp({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl }, clock);
    adapter = new DiscordAdapter(app, app.config.discord!);
    await adapter.start();
    app.adapters.set('discord', adapter);
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
    app?.close();
  });

  /** Sends an interaction through the gateway; resolves with the bot's answer to it. */
  async function interact(payload: Record<string, unknown>): Promise<any> {
    return (await fake.interact(payload)).body;
  }

  /** Presses an answer button on the round message as Discord now shows it. */
  function press(choice: number, options: InteractionOptions): Promise<any> {
    const shown = fake.messages.get(roundMessage);
    if (!shown) throw new Error('the round message is not in the fake');
    return interact(buttonPress(`q1:a:${roundId}:${choice}`, shown, options));
  }

  it('refuses /quiz schedule to a member without Manage Server, privately, and stores nothing', async () => {
    const denied = await interact(subcommandInput('quiz', 'schedule', { time: '09:00', timezone: 'Asia/Tokyo' }, { permissions: NO_PERMISSIONS, user: ALICE }));
    expect(denied.type).toBe(4);
    expect(denied.data.flags).toBe(64);
    expect(denied.data.embeds[0].description).toContain('Manage Server');
    expect(storedSchedules(app)).toBe(0);
  });

  it('schedules for a manager and shows the next rounds in the zone and as <t:…:F>', async () => {
    const saved = await interact(subcommandInput('quiz', 'schedule', { time: '09:00', timezone: 'Asia/Tokyo' }));
    const embed = saved.data.embeds[0];
    expect(embed.title).toBe('Daily quiz scheduled');
    const next = embed.fields.find((f: any) => f.name === 'Next rounds').value as string;
    expect(next).toContain('2026-12-01 (Tue) 09:00 Asia/Tokyo');
    // 2026-12-01 09:00 in Tokyo is 00:00 UTC.
    expect(next).toContain(`<t:${Date.parse('2026-12-01T00:00:00Z') / 1000}:F>`);
    expect(storedSchedules(app)).toBe(1);
  });

  it('posts the round at 09:00 Tokyo: question, four answer buttons, mentions off, an enforced nonce', async () => {
    const before = fake.calls.length;
    clock.set('2026-12-01T00:00:00Z');
    await app.quizRunner.tick();
    const posts = fake.calls.slice(before).filter(isChannelPost);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    const buttons = buttonsOf(body);
    expect(buttons).toHaveLength(4);
    for (const button of buttons) expect(button).toMatchObject({ type: 2, disabled: false, custom_id: expect.stringMatching(/^q1:a:\d+:[0-3]$/) });
    roundId = answerButton(buttons[0].custom_id).roundId;
    const round = roundById(app, roundId);
    expect(round.state).toBe('open');
    expect(body.embeds[0].title).toBe('Daily quiz · 2026-12-01');
    expect(body.embeds[0].description).toContain(escapeText(round.question.question.en));
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body).toMatchObject({ nonce: keysOf(app).round(roundId), enforce_nonce: true });
    roundMessage = round.messageId!;
    expect(fake.messages.get(roundMessage)).toBeDefined();
  });

  it('after a crash between post and record, a restart minutes later gets the first message back for its nonce', async () => {
    fake.unreadableHistory.add(CHANNEL_ID); // no Read Message History: the enforced nonce alone must do
    try {
      forgetPostedMessage(app, roundId);
      const before = fake.calls.length;
      clock.set('2026-12-01T00:03:00Z');
      await app.quizRunner.tick();
      const reposts = fake.calls.slice(before).filter(isChannelPost);
      expect(reposts).toHaveLength(1);
      expect(reposts[0]!.body).toMatchObject({ nonce: keysOf(app).round(roundId), enforce_nonce: true });
      expect(fake.channelMessages(CHANNEL_ID)).toHaveLength(1);
      expect(roundById(app, roundId)).toMatchObject({ state: 'open', messageId: roundMessage });
    } finally {
      fake.unreadableHistory.delete(CHANNEL_ID);
    }
  });

  it('after a restart past the nonce’s few minutes, finds the first message in the channel history and posts nothing', async () => {
    forgetPostedMessage(app, roundId);
    fake.forgetNonces();
    const before = fake.calls.length;
    clock.set('2026-12-01T00:40:00Z'); // still inside the 2 h grace window
    await app.quizRunner.tick();
    expect(fake.calls.slice(before).filter((call) => call.method === 'GET' && call.path === `/v10/channels/${CHANNEL_ID}/messages`)).toHaveLength(1);
    expect(fake.calls.slice(before).filter(isChannelPost)).toHaveLength(0);
    expect(roundById(app, roundId)).toMatchObject({ state: 'open', messageId: roundMessage });
  });

  it('records button answers privately, one per person, and keeps the live count on the round', async () => {
    const { correctChoice } = roundById(app, roundId);
    const wrong = (correctChoice + 1) % 4;
    const answers: [InteractionOptions, number, RegExp][] = [
      [{ user: PRANKSTER, permissions: NO_PERMISSIONS }, correctChoice, /^Recorded: /],
      [{ user: ALICE, permissions: NO_PERMISSIONS }, wrong, /^Recorded: /],
      [{ user: BOB, permissions: NO_PERMISSIONS }, wrong, /^Recorded: /],
      // Bob thinks again: his answer changes rather than a second one being added.
      [{ user: BOB, permissions: NO_PERMISSIONS }, correctChoice, /^Changed to /],
    ];
    for (const [who, choice, said] of answers) {
      clock.advance(60_000); // answers a minute apart, so "first correct" has a clear winner
      const reply = await press(choice, who);
      expect(reply.type).toBe(4);
      expect(reply.data.flags).toBe(64);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      expect(reply.data.embeds[0].description).toMatch(said);
    }
    expect(storedAnswers(app, roundId)).toBe(3);
    const path = `/v10/channels/${CHANNEL_ID}/messages/${roundMessage}`;
    const live = await fake.waitForCall((call) => call.method === 'PATCH' && call.path === path && fieldValue(call.body, 'Answers') === '3');
    expect(buttonsOf(live.body).every((button) => button.disabled === false)).toBe(true);
    expect(live.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('reveals on /quiz reveal: buttons closed, the answer posted with % correct and who was first — never a ping', async () => {
    const before = fake.calls.length;
    const done = await interact(subcommandInput('quiz', 'reveal'));
    expect(done.data.flags).toBe(64);
    expect(done.data.embeds[0].description).toBe('Revealed.');

    const closing = await fake.waitForCall(
      (call) => fake.calls.indexOf(call) >= before && call.method === 'PATCH' && call.path.endsWith(`/messages/${roundMessage}`),
    );
    expect(buttonsOf(closing.body)).toHaveLength(4);
    expect(buttonsOf(closing.body).every((button) => button.disabled === true)).toBe(true);
    // What members finally see is the closed round, whatever live-count edits were in flight.
    expect(buttonsOf(fake.messages.get(roundMessage)).every((button) => button.disabled === true)).toBe(true);

    const reveal = await fake.waitForCall((call) => fake.calls.indexOf(call) >= before && isChannelPost(call));
    const round = roundById(app, roundId);
    expect(reveal.body).toMatchObject({ nonce: keysOf(app).reveal(roundId), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(reveal.body.embeds[0].title).toBe('Quiz answer · 2026-12-01');
    expect(fieldValue(reveal.body, 'Answer')).toContain(escapeText(round.question.choices[round.correctChoice]!.en));
    const result = fieldValue(reveal.body, 'Result')!;
    expect(result).toContain('2 of 3 answered correctly (67%)');
    expect(result).toContain('First correct answer: @\u200beveryone');
    expect(JSON.stringify(reveal.body)).not.toMatch(/@everyone/);
    expect(round).toMatchObject({ state: 'revealed', revealMessageId: expect.any(String) });
  });

  it('after a crash between the reveal and its record, a restart posts the reveal no second time', async () => {
    const { revealMessageId } = roundById(app, roundId);
    forgetRevealMessage(app, roundId);
    fake.forgetNonces();
    const before = fake.calls.length;
    clock.advance(10 * 60_000);
    await app.quizRunner.tick();
    expect(fake.calls.slice(before).filter(isChannelPost)).toHaveLength(0);
    expect(fake.channelMessages(CHANNEL_ID)).toHaveLength(2);
    expect(roundById(app, roundId).revealMessageId).toBe(revealMessageId);
  });

  it('answers a press after the reveal politely and records nothing', async () => {
    const late = await press(0, { user: fakeUser('400000000000000005', 'latecomer', 'Late'), permissions: NO_PERMISSIONS });
    expect(late.data.flags).toBe(64);
    expect(late.data.embeds[0].description).toContain('answers are closed');
    expect(storedAnswers(app, roundId)).toBe(3);
  });

  it('shows the league by name with /quiz leaderboard period:all, pinging nobody', async () => {
    const board = await interact(subcommandInput('quiz', 'leaderboard', { period: 'all' }, { user: ALICE, permissions: NO_PERMISSIONS }));
    const embed = board.data.embeds[0];
    expect(embed.title).toBe('Quiz leaderboard · all time');
    const lines = (embed.description as string).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).join('\n')).toMatch(/@\u200beveryone — 1 correct of 1/);
    expect(lines.slice(0, 2).join('\n')).toMatch(/Bob — 1 correct of 1/);
    expect(lines[2]).toMatch(/^3\\?\. Alice — 0 correct of 1$/);
    expect(board.data.allowed_mentions).toEqual({ parse: [] });
  });
});
