import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAI } from '../fakes/openai.js';
import { summarize, summaryApp } from './harness.js';

/** `yomikai ask "/summarize X3D"` as a child process on the built package, against the fake server. */
const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'yomikai-summary-cli-'));
const fake = new FakeOpenAI();

beforeAll(() => fake.listen());
afterAll(async () => {
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

async function ask(line: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env['PATH'] ?? '', HOME: work, YOMIKAI_DB: join(work, 'cli.db') };
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/yomikai.js', 'ask', line], { env: { ...base, ...env }, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('yomikai ask "/summarize X3D"', () => {
  it('prints the server\'s answer with the paper link, then answers the repeat from the database file', async () => {
    const env = { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'x', OPENAI_MODEL: 'fake-model' };
    const first = await ask('/summarize X3D', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('FAKE SUMMARY #1 of the catalog facts.');
    expect(first.stdout).toContain('Paper: https://arxiv.org/abs/2004.04730');
    expect(first.stdout).toContain('Machine-written by fake-model');
    expect(fake.requests).toHaveLength(1);

    const second = await ask('/summarize X3D', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('FAKE SUMMARY #1 of the catalog facts.');
    expect(fake.requests).toHaveLength(1);
  });

  it('prints the catalog note and a one-line reason, exit 0, when the server is down', async () => {
    const down = new FakeOpenAI();
    await down.listen();
    const url = down.baseUrl;
    await down.close();
    const result = await ask('/summarize I3D', { OPENAI_BASE_URL: url, OPENAI_API_KEY: 'x', SUMMARY_TIMEOUT_MS: '2000' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('I3D');
    expect(result.stdout).toContain('GoogLeNet');
    expect(result.stdout).toContain('No summary now: the model service could not be reached.');
    expect(result.stdout + result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('uses a placeholder key when only a base URL is set (local servers need none)', async () => {
    const before = fake.requests.length;
    const result = await ask('/summarize SlowFast', { OPENAI_BASE_URL: fake.baseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FAKE SUMMARY');
    expect(fake.requests[before]!.headers.authorization).toBe('Bearer yomikai-no-key');
  });
});

describe('editing an entry in data/', () => {
  it('changes its content hash, so the cached summary is not reused', async () => {
    const catalogDir = join(work, 'catalog');
    cpSync('data/catalog', catalogDir, { recursive: true });
    const overrides = { YOMIKAI_DB: join(work, 'edit.db'), YOMIKAI_CATALOG_DIR: catalogDir };
    const before = fake.requests.length;

    let app = summaryApp(fake, overrides);
    await summarize(app, { entry: 'X3D' });
    await summarize(app, { entry: 'X3D' });
    app.close();
    expect(fake.requests.length - before).toBe(1);

    const file = join(catalogDir, 'video-recognition.yaml');
    const yaml = readFileSync(file, 'utf8');
    const edited = yaml.replace('It found that raising the input', 'Edited: it found that raising the input');
    expect(edited).not.toBe(yaml);
    writeFileSync(file, edited);

    app = summaryApp(fake, overrides);
    const result = await summarize(app, { entry: 'X3D' });
    app.close();
    expect(fake.requests.length - before).toBe(2);
    expect(fake.promptOf(fake.requests.length - 1)).toContain('Edited: it found that raising the input');
    expect(result.reply.text).toContain('FAKE SUMMARY');
  });
});
