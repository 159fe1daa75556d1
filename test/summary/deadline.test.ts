import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { summarize, summaryApp, worstCaseOfRequest } from './harness.js';

const X3D_NOTE = 'raising the input\'s spatial resolution, number of frames and frame rate';

/**
 * A model server that sends its headers and the start of a body, then
 * nothing: the SDK's own timeout has stopped counting by then, so only the
 * call's overall deadline (SUMMARY_TIMEOUT_MS) ends it.
 */
describe('a summary whose server stalls after the headers', () => {
  const fake = new FakeOpenAI();
  const apps: App[] = [];

  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  afterEach(() => {
    fake.mode = 'normal';
    fake.requests.length = 0;
    for (const app of apps.splice(0)) app.close();
  });

  it('ends at the deadline with the catalog note, frees the entry, and the next ask is answered', async () => {
    const app = summaryApp(fake, { SUMMARY_TIMEOUT_MS: '500' });
    apps.push(app);
    fake.mode = 'stall';
    const first = summarize(app, { entry: 'X3D' }, { actor: 'reader-1' });
    // Asked at the same moment, so it shares the stalled call, and must share its end too.
    const joined = summarize(app, { entry: 'X3D' }, { actor: 'reader-2' });
    const replies = await Promise.all([first, joined]);

    for (const { status, reply } of replies) {
      expect(status).toBe('ok');
      expect(reply.title).toBe('X3D — the catalog\'s note');
      expect(reply.text).toContain(X3D_NOTE);
      expect(reply.text!.split('\n').at(-1)).toBe('No summary now: the model did not answer in time.');
    }
    expect(fake.requests).toHaveLength(1);
    expect(app.summary.inFlightCount).toBe(0);
    // The server may have billed the stalled call, so its worst case stays charged.
    const charged = app.db.prepare('SELECT COALESCE(SUM(tokens), 0) AS n FROM summary_usage').get();
    expect(charged).toEqual({ n: worstCaseOfRequest(fake.requests[0]!.body) });

    fake.mode = 'normal';
    const again = await summarize(app, { entry: 'X3D' }, { actor: 'reader-3' });
    expect(again.reply.text).toContain('FAKE SUMMARY #2');
    expect(fake.requests).toHaveLength(2);
    expect(app.summary.inFlightCount).toBe(0);
  });
});
