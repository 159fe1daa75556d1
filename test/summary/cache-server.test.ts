import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOf } from '../../src/summary/client.js';
import { FakeOpenAI } from '../fakes/openai.js';
import { summarize, summaryApp } from './harness.js';

/** Two OpenAI-compatible servers serving a model of the same name, one database file between them. */
describe('the summary cache names the server as well as the model', () => {
  const serverA = new FakeOpenAI();
  const serverB = new FakeOpenAI();
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-cache-server-'));
  const db = join(dir, 'yomikai.db');

  beforeAll(async () => {
    serverA.label = 'SERVER-A';
    serverB.label = 'SERVER-B';
    await Promise.all([serverA.listen(), serverB.listen()]);
  });
  afterAll(async () => {
    await Promise.all([serverA.close(), serverB.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not serve one server\'s answer after a switch to another with the same model name', async () => {
    const onA = summaryApp(serverA, { YOMIKAI_DB: db });
    expect((await summarize(onA, { entry: 'X3D' })).reply.text).toContain('SERVER-A SUMMARY #1');
    onA.close();

    const onB = summaryApp(serverB, { YOMIKAI_DB: db });
    const fromB = await summarize(onB, { entry: 'X3D' });
    expect(fromB.reply.text).toContain('SERVER-B SUMMARY #1');
    expect(serverB.requests).toHaveLength(1);
    expect(serverB.requests[0]!.body.model).toBe(serverA.requests[0]!.body.model);
    // The quiz's reveal reads the cache the same way.
    expect(onB.summary.cached(onB.catalog.get('x3d')!, 'en', 'short')?.text).toContain('SERVER-B');
    onB.close();

    // Back on the first server, written with a trailing slash this time: its own answer, from the cache.
    const backOnA = summaryApp(serverA, { YOMIKAI_DB: db, OPENAI_BASE_URL: `${serverA.baseUrl}/` });
    const again = await summarize(backOnA, { entry: 'X3D' });
    expect(again.reply.text).toContain('SERVER-A SUMMARY #1');
    expect(serverA.requests).toHaveLength(1);
    const keys = backOnA.db.prepare('SELECT model FROM summary_cache').all();
    expect(keys).toHaveLength(2);
    expect(keys).toEqual(expect.arrayContaining([{ model: `${serverA.baseUrl} fake-model` }, { model: `${serverB.baseUrl} fake-model` }]));
    backOnA.close();
  });

  it('normalises the base URL: case of scheme and host, default port, trailing slash; drops credentials and query', () => {
    expect(serverOf({ baseURL: 'HTTP://User:Secret@LocalHost:80/v1/?token=x' })).toBe('http://localhost/v1');
    expect(serverOf({ baseURL: 'http://127.0.0.1:11434/v1' })).toBe('http://127.0.0.1:11434/v1');
    expect(serverOf({})).toBe('https://api.openai.com/v1');
  });
});
