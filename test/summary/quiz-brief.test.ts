import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { testApp } from '../helpers/app.js';
import { ADMIN, PLACE, RecordingAdapter } from '../quiz/harness.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { summaryApp } from './harness.js';

/**
 * The quiz's reveal with summaries: a short summary of the round's source
 * entry is asked for when the round is posted and shown at the reveal if it
 * is ready. The reveal never waits for the model.
 */
describe('quiz reveal briefs', () => {
  const fake = new FakeOpenAI();
  const apps: App[] = [];

  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  afterEach(() => {
    fake.mode = 'normal';
    fake.requests.length = 0;
    for (const app of apps.splice(0)) app.close();
  });

  /** Schedules 09:00 UTC with a one-hour reveal and runs the round up to its reveal; returns the reveal's fields. */
  async function playRound(app: App, clock: ManualClock): Promise<{ name: string; value: string }[]> {
    apps.push(app);
    const adapter = new RecordingAdapter();
    app.adapters.set('discord', adapter);
    app.quiz.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    clock.set('2026-12-02T09:00:00Z');
    await app.quizRunner.tick();
    expect(adapter.rounds()).toHaveLength(1);
    await app.summary.idle();
    clock.set('2026-12-02T10:00:00Z');
    await app.quizRunner.tick();
    const [reveal] = adapter.reveals();
    expect(reveal).toBeDefined();
    return reveal!.reply.fields ?? [];
  }

  it('adds a machine-written brief of the source entry, asked for when the round was posted', async () => {
    const clock = new ManualClock('2026-12-02T08:00:00Z');
    const fields = await playRound(summaryApp(fake, {}, clock), clock);
    expect(fake.requests).toHaveLength(1);
    const brief = fields.find((f) => f.name === 'In brief');
    expect(brief?.value).toContain('FAKE SUMMARY #1');
    expect(brief?.value).toContain('Machine-written by fake-model');
    // The explanation written for the question stays first; the brief adds to it.
    expect(fields.map((f) => f.name)).toEqual(['Answer', 'Why', 'Result', 'In brief', 'More']);
  });

  it('reveals as before when the model fails, when the daily cap is spent, and when summaries are off', async () => {
    fake.mode = '500';
    let clock = new ManualClock('2026-12-02T08:00:00Z');
    expect((await playRound(summaryApp(fake, {}, clock), clock)).map((f) => f.name)).not.toContain('In brief');
    expect(fake.requests).toHaveLength(1);

    fake.mode = 'normal';
    clock = new ManualClock('2026-12-02T08:00:00Z');
    expect((await playRound(summaryApp(fake, { SUMMARY_DAILY_TOKENS: '0' }, clock), clock)).map((f) => f.name)).not.toContain('In brief');
    expect(fake.requests).toHaveLength(1);

    clock = new ManualClock('2026-12-02T08:00:00Z');
    const off = await playRound(testApp({}, clock), clock);
    expect(off.map((f) => f.name)).not.toContain('In brief');
    expect(off.map((f) => f.name)).toContain('Why');
    expect(fake.requests).toHaveLength(1);
  });
});
