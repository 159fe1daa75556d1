import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { isUserError } from '../../src/core/errors.js';
import { channelKeyOf } from '../../src/core/invocation.js';
import { ADMIN, PLACE, quizHarness, tickUntil } from './harness.js';

async function openRound() {
  const clock = new ManualClock('2026-12-01T08:59:00Z');
  const h = quizHarness({ clock });
  h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
  await tickUntil(h, '2026-12-01T09:00:00Z');
  const round = h.rounds.openIn(channelKeyOf(PLACE));
  if (!round) throw new Error('no round opened');
  return { h, round };
}

describe('quiz answers', () => {
  it('200 answers in one burst through the service: 200 recorded, and the live count ends at 200 (several processes: answers-processes.test.ts)', async () => {
    const { h, round } = await openRound();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => Promise.resolve().then(() => h.service.answer(round.id, { id: `u${i}`, name: `User ${i}` }, i % 4))),
    );
    expect(outcomes.every((o) => o === 'recorded')).toBe(true);
    expect(h.answers.countFor(round.id)).toBe(200);
    // The live count converges on the final number: the last edit shows 200.
    await h.runner.refresh(round.id);
    const last = h.adapter.edits.at(-1)?.reply.fields?.[0];
    expect(last).toMatchObject({ name: 'Answers', value: '200' });
  });

  it('a second click changes the answer rather than adding one', async () => {
    const { h, round } = await openRound();
    expect(h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 0)).toBe('recorded');
    expect(h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 2)).toBe('changed');
    expect(h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, 2)).toBe('unchanged');
    expect(h.answers.answersFor(round.id)).toEqual([expect.objectContaining({ userId: 'aiko', choice: 2 })]);
  });

  it('an answer after the reveal is refused and changes nothing', async () => {
    const { h, round } = await openRound();
    h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, round.correctChoice);
    await tickUntil(h, '2026-12-01T10:00:00Z');
    expect(h.rounds.get(round.id)?.state).toBe('revealed');
    expect(h.service.answer(round.id, { id: 'ben', name: 'Ben' }, 1)).toBe('closed');
    expect(h.service.answer(round.id, { id: 'aiko', name: 'Aiko' }, (round.correctChoice + 1) % 4)).toBe('closed');
    expect(h.answers.answersFor(round.id)).toEqual([expect.objectContaining({ userId: 'aiko', choice: round.correctChoice })]);
  });

  it('the reveal names the answer, the explanation, the share correct and the first correct person — never a ping', async () => {
    const { h, round } = await openRound();
    const wrong = (round.correctChoice + 1) % 4;
    h.service.answer(round.id, { id: 'u1', name: '@everyone' }, wrong);
    h.clock.advance(1000);
    h.service.answer(round.id, { id: 'u2', name: 'Aiko' }, round.correctChoice);
    h.clock.advance(1000);
    h.service.answer(round.id, { id: 'u3', name: 'Ben' }, round.correctChoice);
    await h.service.revealNow(PLACE);
    const reveal = h.adapter.reveals()[0]?.reply;
    const text = JSON.stringify(reveal);
    expect(text).toContain('2 of 3 answered correctly (67%)');
    expect(text).toContain('First correct answer: Aiko');
    expect(text).toContain(round.question.explanation.en);
    expect(text).toMatch(/\/model /);
    // The question's own message lost its buttons' power: all disabled, the right one marked.
    const closed = h.adapter.edits.at(-1)?.reply.buttons ?? [];
    expect(closed.every((b) => b.disabled)).toBe(true);
    expect(closed.filter((b) => b.style === 'success')).toHaveLength(1);
    await expect(h.service.revealNow(PLACE)).rejects.toSatisfy(isUserError);
  });

  it('leaderboard and stats count revealed rounds; streaks break on a wrong or missed day', async () => {
    const clock = new ManualClock('2026-11-30T08:00:00Z'); // a Monday
    const h = quizHarness({ clock });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    // Aiko: right, right, wrong, right; Ben: right on day 1 only.
    const plan: [string, boolean][][] = [
      [['aiko', true], ['ben', true]],
      [['aiko', true]],
      [['aiko', false]],
      [['aiko', true]],
    ];
    for (const [day, answers] of plan.entries()) {
      const date = new Date(Date.UTC(2026, 10, 30 + day)).toISOString().slice(0, 10);
      await tickUntil(h, `${date}T09:00:00Z`);
      const round = h.rounds.openIn(channelKeyOf(PLACE));
      if (!round) throw new Error('no round');
      for (const [user, right] of answers) h.service.answer(round.id, { id: user, name: user }, right ? round.correctChoice : (round.correctChoice + 1) % 4);
      await tickUntil(h, `${date}T10:00:00Z`);
    }
    expect(h.service.stats(PLACE, { id: 'aiko' })).toEqual({ answered: 4, correct: 3, currentStreak: 1, bestStreak: 2 });
    expect(h.service.stats(PLACE, { id: 'ben' })).toEqual({ answered: 1, correct: 1, currentStreak: 0, bestStreak: 1 });
    const board = h.service.leaderboard(PLACE, 'all', 'UTC');
    expect(board.map((r) => [r.userName, r.correct, r.answered])).toEqual([['aiko', 3, 4], ['ben', 1, 1]]);
    // This week (from Monday 30 Nov) counts all four; from 1 Dec, "month" leaves the 30th out.
    expect(h.service.leaderboard(PLACE, 'month', 'UTC').map((r) => [r.userName, r.correct])).toEqual([['aiko', 2]]);
  });
});

describe('quiz schedule input', () => {
  const bad: [string, Record<string, string>, string][] = [
    ['25:00', { time: '25:00' }, 'error.badTime'],
    ['9am?', { time: '9am?' }, 'error.badTime'],
    ['a zone that does not exist', { time: '09:00', timezone: 'Asia/Tokio' }, 'error.badTimezone'],
    ['a bad day list', { time: '09:00', days: 'mon,funday' }, 'error.badDays'],
    ['a reveal under 5 minutes', { time: '09:00', revealAfter: '1m' }, 'error.badDuration'],
  ];
  for (const [label, input, key] of bad) {
    it(`${label} is refused with an example and stores nothing`, () => {
      const h = quizHarness({ clock: new ManualClock('2026-12-01T00:00:00Z') });
      let error: unknown;
      try {
        h.service.schedule(PLACE, ADMIN, input as { time: string }, 'UTC');
      } catch (caught) {
        error = caught;
      }
      expect(isUserError(error) && error.key).toBe(key);
      expect(h.schedules.get(channelKeyOf(PLACE))).toBeUndefined();
    });
  }

  it('"Asia/Tokio" suggests Asia/Tokyo', () => {
    const h = quizHarness({ clock: new ManualClock('2026-12-01T00:00:00Z') });
    expect(() => h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'Asia/Tokio' }, 'UTC')).toThrow(
      expect.objectContaining({ suggestions: expect.arrayContaining(['Asia/Tokyo']) }),
    );
  });

  it('returns the next three posting times and replaces an earlier schedule', () => {
    const h = quizHarness({ clock: new ManualClock('2026-12-04T10:00:00Z') }); // Friday
    const first = h.service.schedule(PLACE, ADMIN, { time: '9:00', timezone: 'asia/tokyo', days: 'weekdays' }, 'UTC');
    expect(first.replaced).toBe(false);
    expect(first.next.map((d) => d.toISOString())).toEqual(['2026-12-07T00:00:00.000Z', '2026-12-08T00:00:00.000Z', '2026-12-09T00:00:00.000Z']);
    const second = h.service.schedule(PLACE, ADMIN, { time: '21:30', timezone: 'Europe/Berlin' }, 'UTC');
    expect(second.replaced).toBe(true);
    expect(h.schedules.get(channelKeyOf(PLACE))).toMatchObject({ hour: 21, minute: 30, timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5, 6, 7] });
  });
});
