import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Actor } from '../../src/core/invocation.js';
import { replyText } from '../helpers/app.js';
import { AIKO, BEN, press, readingHarness, say, tickUntil, type ReadingHarness } from './harness.js';

// Now: Tuesday 2026-12-01 09:00 in Tokyo.
const NOW = '2026-12-01T00:00:00Z';
const ADMIN: Actor = { id: '999999999999', name: 'admin', manager: true };
const CHIE: Actor = { id: '333333333333', name: 'chie' };

function harness(): ReadingHarness {
  return readingHarness(new ManualClock(NOW));
}

async function ok(h: ReadingHarness, line: string, actor: Actor = AIKO) {
  const result = await say(h.app, line, { actor });
  expect(result.status, replyText(result)).toBe('ok');
  return result;
}

/** Opens a vote and waits for the bot to post the ballot; returns the posted ballot. */
async function openVote(h: ReadingHarness, closes = 'closes:"2026-12-03 18:00"') {
  await ok(h, `/reading vote ${closes}`, ADMIN);
  await h.app.idle();
  const posted = h.adapter.posts.at(-1);
  expect(posted?.reply.title).toBe('Vote: what do we read next?');
  return posted!;
}

const buttonFor = (reply: { buttons?: { id: string; label: string }[] }, name: string) => {
  const button = reply.buttons?.find((b) => b.label.includes(name));
  if (!button) throw new Error(`no button for ${name}: ${JSON.stringify(reply.buttons)}`);
  return button;
};

describe('/reading nominate', () => {
  it('takes a catalog entry (the way /model finds it), an arXiv id or abs URL, and a note that stays plain text', async () => {
    const h = harness();
    const x3d = await ok(h, '/reading nominate paper:x3d note:"@everyone **fast** <!channel>"');
    expect(replyText(x3d)).toContain('Nominated X3D (#1)');
    expect(replyText(x3d)).toContain('Note: @everyone **fast** <!channel>');
    expect(x3d.reply.inChannel).toBe(true);
    const link = await ok(h, '/reading nominate paper:arxiv.org/abs/2104.00680v2', BEN);
    expect(replyText(link)).toContain('arXiv:2104.00680');
    expect(replyText(link)).toContain('https://arxiv.org/abs/2104.00680');
    // An arXiv id the catalog knows names its entry.
    const slowfast = await ok(h, '/reading nominate paper:SlowFsat', CHIE);
    expect(replyText(slowfast)).toContain('SlowFast');
    const list = await ok(h, '/reading nominations');
    expect(list.reply.title).toBe('Candidates for the next reading (3)');
    expect(list.reply.fields?.map((f) => f.name)).toEqual(['#1 X3D', '#2 arXiv:2104.00680', '#3 SlowFast Networks']);
    expect(list.reply.fields?.[0]?.value).toContain('Nominated by aiko on 2026-12-01');
    h.app.close();
  });

  it('refuses a second nomination of the same paper, an unknown name (with did-you-mean) and a paper the channel already read', async () => {
    const h = harness();
    await ok(h, '/reading nominate paper:2004.04730');
    const again = await say(h.app, '/reading nominate paper:X3D');
    expect(again.status).toBe('user-error');
    expect(replyText(again)).toContain('You already nominated X3D in this channel (#1)');
    const other = await say(h.app, '/reading nominate paper:X3D', { actor: BEN });
    expect(replyText(other)).toMatch(/X3D is already a candidate here: #1, nominated by aiko/);
    const unknown = await say(h.app, '/reading nominate paper:TimeSfromer-XL');
    expect(unknown.status).toBe('user-error');
    expect(replyText(unknown)).toContain('for /reading nominate');
    expect(replyText(unknown)).toContain('TimeSformer');

    await ok(h, '/reading add title:ViT when:"2026-12-02 20:00" paper:ViT');
    h.clock.set('2026-12-05T00:00:00Z');
    const read = await say(h.app, '/reading nominate paper:vit', { actor: BEN });
    expect(read.status).toBe('user-error');
    expect(replyText(read)).toContain('This channel already read ViT: session #1, read on 2026-12-02');
    expect((await ok(h, '/reading nominations')).reply.fields).toHaveLength(1);
    h.app.close();
  });

  it('withdraw: the nominator or a manager, by number or paper; someone else is refused', async () => {
    const h = harness();
    await ok(h, '/reading nominate paper:X3D');
    await ok(h, '/reading nominate paper:ViT');
    const refused = await say(h.app, '/reading withdraw nomination:1', { actor: BEN });
    expect(replyText(refused)).toContain('Nomination #1 is someone else’s');
    expect(replyText(await ok(h, '/reading withdraw nomination:vit'))).toContain('Withdrew nomination #2 (ViT)');
    expect(replyText(await ok(h, '/reading withdraw nomination:#1', ADMIN))).toContain('Withdrew nomination #1');
    expect(replyText(await ok(h, '/reading nominations'))).toContain('No open candidates');
    h.app.close();
  });
});

describe('/reading vote', () => {
  it('posts a ballot; votes are private, changeable, counted live; the close posts the result once and the winner is chosen', async () => {
    const h = harness();
    await ok(h, '/reading nominate paper:X3D');
    await ok(h, '/reading nominate paper:ViT', BEN);
    await ok(h, '/reading nominate paper:NeRF', CHIE);
    const confirm = await say(h.app, '/reading vote closes:"2026-12-03 18:00"', { actor: ADMIN });
    expect(confirm.reply.ephemeral).toBe(true);
    expect(replyText(confirm)).toContain('Ballot #1 is open with 3 candidates');
    expect(replyText(confirm)).toContain('2026-12-03');
    await h.app.idle();
    const ballot = h.adapter.posts.at(-1)!;
    expect(ballot.reply.buttons?.map((b) => b.label)).toEqual(['1. X3D (0)', '2. ViT (0)', '3. NeRF (0)']);

    const first = await press(h.app, buttonFor(ballot.reply, 'ViT').id, AIKO);
    expect(first.reply.ephemeral).toBe(true);
    expect(replyText(first)).toBe('Your vote: ViT. You can change it until the vote closes.');
    await press(h.app, buttonFor(ballot.reply, 'X3D').id, BEN);
    const changed = await press(h.app, buttonFor(ballot.reply, 'X3D').id, AIKO);
    expect(replyText(changed)).toContain('Your vote: X3D');
    await h.app.ballotRunner.settled(1);
    const shown = h.adapter.edits.filter((e) => e.messageId === ballot.messageId).at(-1);
    expect(shown?.reply.buttons?.map((b) => b.label)).toEqual(['1. X3D (2)', '2. ViT (0)', '3. NeRF (0)']);
    // Counts only: no voter's name is on the ballot.
    expect(JSON.stringify(shown?.reply)).not.toMatch(/"ben"|"aiko"/);

    // A press at the closing minute, before any tick, is already refused.
    h.clock.set('2026-12-03T09:00:00Z');
    expect(replyText(await press(h.app, buttonFor(ballot.reply, 'NeRF').id, CHIE))).toContain('This vote has closed');
    await tickUntil(h, '2026-12-03T09:03:00Z');
    const results = h.adapter.posts.filter((p) => p.reply.title?.startsWith('Vote result'));
    expect(results).toHaveLength(1);
    expect(results[0]?.reply.title).toBe('Vote result: X3D');
    expect(replyText({ reply: results[0]!.reply, status: 'ok', lang: 'en' })).toContain('X3D won with 2 of 2 votes');
    const closing = h.adapter.edits.filter((e) => e.messageId === ballot.messageId).at(-1);
    expect(closing?.reply.buttons?.every((b) => b.disabled)).toBe(true);

    // The winner is chosen; the others stay for the next ballot.
    const left = await ok(h, '/reading nominations');
    expect(left.reply.fields?.map((f) => f.name)).toEqual(['#2 ViT', '#3 NeRF']);
    // "Schedule it" answers with the /reading add command filled in.
    const schedule = await press(h.app, results[0]!.reply.buttons![0]!.id, ADMIN);
    expect(replyText(schedule)).toContain('/reading add title:"X3D" paper:x3d when:"next Friday 20:00"');
    h.app.close();
  });

  it('a tie goes to the earliest nomination, and the result says so', async () => {
    const h = harness();
    await ok(h, '/reading nominate paper:X3D');
    h.clock.advance(60_000);
    await ok(h, '/reading nominate paper:ViT', BEN);
    const ballot = await openVote(h);
    await press(h.app, buttonFor(ballot.reply, 'ViT').id, AIKO);
    await press(h.app, buttonFor(ballot.reply, 'X3D').id, BEN);
    h.clock.set('2026-12-03T08:59:00Z');
    await tickUntil(h, '2026-12-03T09:01:00Z');
    const result = h.adapter.posts.find((p) => p.reply.title?.startsWith('Vote result'))!;
    expect(result.reply.title).toBe('Vote result: X3D');
    expect(result.reply.text).toContain('A tie between X3D, ViT (1 votes each), broken by the earliest nomination: X3D.');
    h.app.close();
  });

  it('the schedule button names the rotation’s next presenter', async () => {
    const h = harness();
    await ok(h, '/reading add title:Weekly when:"2026-12-04 20:00" repeat:weekly rotation:"<@222222222222>,<@333333333333>"');
    await ok(h, '/reading nominate paper:X3D');
    const ballot = await openVote(h);
    await press(h.app, buttonFor(ballot.reply, 'X3D').id, BEN);
    h.clock.set('2026-12-03T09:00:00Z');
    await tickUntil(h, '2026-12-03T09:01:00Z');
    const result = h.adapter.posts.find((p) => p.reply.title?.startsWith('Vote result'))!;
    const schedule = await press(h.app, result.reply.buttons![0]!.id, ADMIN);
    expect(replyText(schedule)).toContain('presenter:<@222222222222>');
    h.app.close();
  });

  it('more candidates than fit are refused with how many to withdraw; one open ballot per channel; a past close is refused', async () => {
    const h = harness();
    for (let i = 0; i < 21; i++) await ok(h, `/reading nominate paper:${(2101 + i).toString()}.00001`);
    const tooMany = await say(h.app, '/reading vote', { actor: ADMIN });
    expect(tooMany.status).toBe('user-error');
    expect(replyText(tooMany)).toContain('A ballot holds at most 20 candidates and 21 are open: withdraw 1 of them');
    expect(h.adapter.posts).toHaveLength(0);
    await ok(h, '/reading withdraw nomination:21');
    const past = await say(h.app, '/reading vote closes:"2026-11-30 18:00"', { actor: ADMIN });
    expect(replyText(past)).toMatch(/already passed/);
    const ballot = await openVote(h, '');
    expect(ballot.reply.buttons).toHaveLength(20);
    const second = await say(h.app, '/reading vote', { actor: ADMIN });
    expect(replyText(second)).toContain('A vote is already open in this channel (ballot #1');
    h.app.close();
  });
});
