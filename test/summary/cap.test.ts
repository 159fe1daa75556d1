import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { DispatchResult } from '../../src/core/dispatch.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { summarize, summaryApp, worstCaseOf } from './harness.js';

const CAP = 5000;
const BUDGET_SPENT = 'today\'s summary budget for this server/workspace is spent';

/**
 * Many summaries of different entries asked for at once, through the real
 * SDK, against a server that holds every answer until each request has
 * either reached it or been refused: the most a check of the cap can let
 * through. Only a reservation made before the call keeps the total under the cap.
 */
describe('the daily token cap under concurrent summaries', () => {
  const fake = new FakeOpenAI();
  const apps: App[] = [];

  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  afterEach(() => {
    fake.release();
    fake.mode = 'normal';
    fake.tokensPerAnswer = 120;
    fake.requests.length = 0;
    for (const app of apps.splice(0)) app.close();
  });

  it.each([5, 12])('%i summaries at once spend no more than the cap, and the ones refused say so', async (count) => {
    const app = summaryApp(fake, { SUMMARY_DAILY_TOKENS: String(CAP) });
    apps.push(app);
    fake.mode = 'held';
    // Each answer reports 1,500 tokens, less than any entry's worst case; were every request sent, the total would pass the cap.
    fake.tokensPerAnswer = 1500;
    expect(count * fake.tokensPerAnswer).toBeGreaterThan(CAP);

    const entries = app.catalog.models.slice(0, count).map((model) => model.name);
    let settled = 0;
    let onSettle = (): void => undefined;
    const asks: Array<Promise<DispatchResult>> = entries.map((entry, i) =>
      summarize(app, { entry }, { actor: `reader-${i}` }).finally(() => {
        settled += 1;
        onSettle();
      }),
    );
    // A held request cannot settle, so every ask is now at the fake or refused; wait for that, then answer them all.
    while (fake.requests.length + settled < count) {
      await new Promise<void>((resolve) => {
        onSettle = resolve;
        void fake.waitForRequests(fake.requests.length + 1).then(resolve);
      });
    }
    fake.release();
    const replies = await Promise.all(asks);

    expect(new Set(replies.map((r) => r.reply.title)).size).toBe(count);
    const made = replies.filter((r) => r.reply.text?.includes('HELD SUMMARY'));
    const refused = replies.filter((r) => r.reply.text?.includes(BUDGET_SPENT));
    expect(made.length + refused.length).toBe(count);
    expect(made.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(made.length);
    for (const reply of refused) expect(reply.reply.title).toMatch(/the catalog's note$/);

    // The reservations were settled to what the server reported, and the day stayed within the cap.
    const day = app.db.prepare('SELECT tokens, requests FROM summary_usage').all() as Array<{ tokens: number; requests: number }>;
    expect(day).toEqual([{ tokens: made.length * fake.tokensPerAnswer, requests: made.length }]);
    expect(day[0]!.tokens).toBeLessThanOrEqual(CAP);
  });

  it('a reservation is in the database: another connection to the file (as the CLI beside the bot has) sees the room taken while the call is on its way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yomikai-cap-'));
    try {
      const db = join(dir, 'yomikai.db');
      // Room for X3D's worst case, and not for SlowFast's as well.
      const cap = worstCaseOf('x3d') + worstCaseOf('slowfast') - 1;
      const bot = summaryApp(fake, { YOMIKAI_DB: db, SUMMARY_DAILY_TOKENS: String(cap) });
      const cli = summaryApp(fake, { YOMIKAI_DB: db, SUMMARY_DAILY_TOKENS: String(cap) });
      apps.push(bot, cli);
      fake.mode = 'held';
      const onItsWay = summarize(bot, { entry: 'X3D' });
      await fake.waitForRequests(1);
      expect((await summarize(cli, { entry: 'SlowFast' })).reply.text).toContain(BUDGET_SPENT);
      fake.release();
      expect((await onItsWay).reply.text).toContain('HELD SUMMARY #1');
      // Settled to the 120 tokens reported: now SlowFast fits.
      fake.mode = 'normal';
      expect((await summarize(cli, { entry: 'SlowFast' })).reply.text).toContain('FAKE SUMMARY #2');
      expect(fake.requests).toHaveLength(2);
    } finally {
      for (const app of apps.splice(0)) app.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Four databases opened on a busy machine: a generous bound, as a hang detector only.
  }, 60_000);
});
