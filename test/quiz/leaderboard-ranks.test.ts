import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { renderText } from '../../src/adapters/console/render.js';
import { ConsoleAdapter } from '../../src/adapters/console/adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { competitionRanks } from '../../src/quiz/service.js';
import { run, testApp } from '../helpers/app.js';

describe('leaderboard ranks', () => {
  it('equal scores share a place and the next place is skipped (1, 1, 3, 4, 4)', () => {
    const rows = [
      ['a', 3, 3],
      ['b', 3, 3],
      ['c', 3, 4],
      ['d', 1, 1],
      ['e', 1, 1],
    ].map(([userName, correct, answered]) => ({ userId: String(userName), userName: String(userName), correct: Number(correct), answered: Number(answered) }));
    expect(competitionRanks(rows).map((row) => row.rank)).toEqual([1, 1, 3, 4, 4]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('/quiz leaderboard shows 1, 1, 3 on Discord, Slack and the console', async () => {
    const clock = new ManualClock('2026-12-01T08:58:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'UTC' }, clock);
    app.adapters.set('console', new ConsoleAdapter(() => undefined));
    try {
      await run(app, '/quiz schedule time:09:00');
      clock.set('2026-12-01T09:00:00Z');
      await app.quizRunner.tick();
      const round = app.db.prepare('SELECT id, correct_choice FROM quiz_rounds').get() as { id: number; correct_choice: number };
      const wrong = (round.correct_choice + 1) % 4;
      const outcomes = [
        app.quiz.answer(round.id, { id: 'u1', name: 'Aiko' }, round.correct_choice),
        app.quiz.answer(round.id, { id: 'u2', name: 'Ben' }, round.correct_choice),
        app.quiz.answer(round.id, { id: 'u3', name: 'Chie' }, wrong),
      ];
      expect(outcomes).toEqual(['recorded', 'recorded', 'recorded']);
      await run(app, '/quiz reveal');
      const { reply } = await run(app, '/quiz leaderboard period:all');

      const console = renderText(reply);
      expect(console).toMatch(/^1\. (Aiko|Ben) — 1 correct of 1\n1\. (Aiko|Ben) — 1 correct of 1\n3\. Chie — 0 correct of 1$/m);
      // Discord escapes "1. " so its markdown does not renumber the list as 1, 2, 3.
      const discord = renderDiscord(reply)[0]?.embeds[0]?.description ?? '';
      expect(discord.split('\n').map((line) => line.slice(0, 3))).toEqual(['1\\.', '1\\.', '3\\.']);
      const slack = renderSlack(reply)[0]?.blocks.flatMap((block) => ('text' in block ? [block.text.text] : [])).join('\n') ?? '';
      expect(slack).toMatch(/^1\. (Aiko|Ben) — 1 correct of 1\n1\. (Aiko|Ben) — 1 correct of 1\n3\. Chie — 0 correct of 1$/m);
    } finally {
      app.close();
    }
  });
});
