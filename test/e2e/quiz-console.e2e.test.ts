import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { testApp } from '../helpers/app.js';
import { consoleChat } from '../helpers/console-chat.js';

describe('the daily quiz in the console chat', () => {
  it('schedule, round, answer by number, reveal, leaderboard and stats', async () => {
    const clock = new ManualClock('2026-12-01T08:58:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Europe/Berlin' }, clock);
    const { input, screen, done, say } = consoleChat(app);

    const scheduled = await say('/quiz schedule time:10:00', 'Next rounds');
    expect(scheduled).toContain('10:00 (Europe/Berlin)');
    expect(scheduled).toContain('2026-12-01 (Tue) 10:00 Europe/Berlin');

    // 10:00 in Berlin is 09:00 UTC: the tick posts the round into the terminal.
    clock.set('2026-12-01T09:00:00Z');
    let from = screen.text.length;
    await app.quizRunner.tick();
    await screen.waitFor('type a choice’s number', from);
    const round = screen.text.slice(from);
    expect(round).toContain('Daily quiz · 2026-12-01');
    expect(round).toMatch(/\[1\] .+ {2}\[2\] .+ {2}\[3\] .+ {2}\[4\] /);

    const first = await say('2', 'You can change it until the reveal');
    expect(first).toMatch(/Recorded: B\./);
    const changed = await say('3', 'You can change it until the reveal');
    expect(changed).toMatch(/Changed to C\./);

    from = screen.text.length;
    input.write('/quiz reveal\n');
    await screen.waitFor('Revealed.', from);
    await screen.waitFor('Quiz answer · 2026-12-01', from);
    const reveal = screen.text.slice(from);
    expect(reveal).toMatch(/of 1 answered correctly/);
    expect(reveal).toContain('Why');

    const late = await say('1', 'answers are closed');
    expect(late).toContain('already been revealed');

    const board = await say('/quiz leaderboard period:all', 'Quiz leaderboard');
    expect(board).toMatch(/1\. \S+ — [01] correct of 1/);
    const stats = await say('/quiz stats', 'Your quiz record');
    expect(stats).toContain('Answered: 1');

    input.end();
    await done;
    app.close();
  });

  it('a console set to Japanese hears the round’s hint in Japanese', async () => {
    const clock = new ManualClock('2026-12-01T08:58:00Z');
    const app = testApp({ YOMIKAI_TIMEZONE: 'Asia/Tokyo' }, clock);
    const { input, screen, done, say } = consoleChat(app);
    await say('/settings language:ja', '保存しました');
    await say('/quiz schedule time:18:00', '18:00');
    clock.set('2026-12-01T09:00:00Z'); // 18:00 in Tokyo
    const from = screen.text.length;
    await app.quizRunner.tick();
    await screen.waitFor('選択肢の番号を入力すると回答できます', from);
    input.end();
    await done;
    app.close();
  });
});
