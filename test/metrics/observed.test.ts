import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { readingHarness, say } from '../reading/harness.js';
import { summarize, summaryApp } from '../summary/harness.js';
import { parseExposition, valueOf } from './exposition.js';

/** The features report to the app's metrics through the host's observer: reading reminders and LLM tokens. */
describe('what the features report to GET /metrics', () => {
  it('a reading reminder: posted, its lag from the time it was due, the platform call timed', async () => {
    const h = readingHarness(new ManualClock('2026-12-01T00:00:00Z'));
    try {
      // 2026-12-04 20:00 in Tokyo: the 1-day reminder is due at 2026-12-03 11:00 UTC.
      expect((await say(h.app, '/reading add title:"X3D" when:"2026-12-04 20:00" paper:X3D')).status).toBe('ok');
      h.clock.set('2026-12-03T11:00:45Z');
      await h.app.tick();
      expect(h.adapter.posts).toHaveLength(1);
      const { samples } = parseExposition(await h.app.metrics.text());
      expect(valueOf(samples, 'yomikai_commands_total', { command: 'reading', outcome: 'ok' })).toBe(1);
      expect(valueOf(samples, 'yomikai_scheduled_posts_total', { kind: 'reminder', outcome: 'posted' })).toBe(1);
      expect(valueOf(samples, 'yomikai_scheduler_lag_seconds_sum', { kind: 'reminder' })).toBe(45);
      expect(valueOf(samples, 'yomikai_platform_call_seconds_count', { platform: 'discord', call: 'post', result: 'ok' })).toBe(1);
    } finally {
      h.app.close();
    }
  });

  describe('LLM tokens (real openai SDK, fake server)', () => {
    const fake = new FakeOpenAI();
    beforeAll(() => fake.listen());
    afterAll(() => fake.close());

    it('counts the tokens the server reported; a cached answer costs none', async () => {
      fake.tokensPerAnswer = 120;
      const app = summaryApp(fake);
      try {
        expect((await summarize(app, { entry: 'X3D' })).reply.kind).toBe('summary');
        expect((await summarize(app, { entry: 'X3D' })).reply.kind).toBe('summary');
        expect(fake.requests).toHaveLength(1);
        const { samples } = parseExposition(await app.metrics.text());
        expect(valueOf(samples, 'yomikai_llm_tokens_total')).toBe(120);
        expect(valueOf(samples, 'yomikai_commands_total', { command: 'summarize', outcome: 'ok' })).toBe(2);
      } finally {
        app.close();
      }
    });
  });
});
