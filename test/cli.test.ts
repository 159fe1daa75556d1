import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** The one-shot CLI end to end, as a child process on the built package (npm test builds first). */
const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'yomikai-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function yomikai(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: work, YOMIKAI_DB: join(work, 'default.db') };
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/yomikai.js', ...args], { env, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('yomikai ask', () => {
  it('prints the X3D card and exits 0', async () => {
    const { code, stdout } = await yomikai('ask', '/model X3D');
    expect(code).toBe(0);
    expect(stdout).toContain('X3D: Expanding Architectures for Efficient Video Recognition');
    expect(stdout).toContain('Christoph Feichtenhofer');
    expect(stdout).toContain('2020');
    expect(stdout).toContain('CVPR 2020');
    expect(stdout).toContain('https://arxiv.org/abs/2004.04730');
  });

  it('lists the segmentation datasets', async () => {
    const { code, stdout } = await yomikai('ask', '/dataset segmentation');
    expect(code).toBe(0);
    for (const name of ['ADE20K', 'Cityscapes', 'SIFT Flow', 'Open Images']) expect(stdout).toContain(name);
  });

  it('exits non-zero with a message for an unknown command', async () => {
    const { code, stderr, stdout } = await yomikai('ask', '/modle X3D');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('There is no command "/modle"');
    expect(stderr).toContain('/model');
  });

  it('exits non-zero with a message for a missing option', async () => {
    const { code, stderr } = await yomikai('ask', '/dataset');
    expect(code).toBe(1);
    expect(stderr).toContain('/dataset needs query');
  });

  it('prints the Reply as JSON with --json', async () => {
    const { code, stdout } = await yomikai('ask', '/model X3D', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { status: string; reply: { title: string; url: string } };
    expect(parsed.status).toBe('ok');
    expect(parsed.reply.title).toBe('X3D');
    expect(parsed.reply.url).toBe('https://arxiv.org/abs/2004.04730');
  });

  it('answers in Japanese with --lang ja', async () => {
    const { stdout } = await yomikai('ask', '/model X3D', '--lang', 'ja');
    expect(stdout).toContain('著者');
  });

  it('rejects a bad --lang with usage', async () => {
    const { code, stderr } = await yomikai('ask', '/model X3D', '--lang', 'fr');
    expect(code).toBe(2);
    expect(stderr).toContain('--lang must be ja or en');
  });

  it('uses the database given by --db, and settings survive a restart', async () => {
    const db = join(work, 'chosen.db');
    expect((await yomikai('ask', '/settings language:ja', '--db', db)).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const { stdout } = await yomikai('ask', '/model X3D', '--db', db);
    expect(stdout).toContain('著者');
  });
});

describe('yomikai catalog check', () => {
  it('passes on the shipped catalog and prints counts per kind', async () => {
    const { code, stdout } = await yomikai('catalog', 'check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/models and methods: \d+/);
    expect(stdout).toMatch(/datasets: \d+/);
    expect(stdout).toMatch(/sections: 7/);
  });

  it('fails with a message, not a stack trace, for a folder that does not exist', async () => {
    const { code, stderr } = await yomikai('catalog', 'check', '--dir', join(work, 'nope'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope: no such folder \(set YOMIKAI_CATALOG_DIR/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with a message for a folder without a catalog', async () => {
    const { code, stderr } = await yomikai('catalog', 'check', '--dir', work);
    expect(code).toBe(2);
    expect(stderr).toContain('no .yaml files found');
  });
});

describe('yomikai ask beside a running bot', () => {
  it('only reads an up-to-date database: a lookup leaves the file exactly as it was', async () => {
    const db = join(work, 'read-only-lookup.db');
    expect((await yomikai('ask', '/help', '--db', db)).code).toBe(0); // creates and migrates it
    const before = readFileSync(db);
    const { code, stdout } = await yomikai('ask', '/model X3D', '--db', db);
    expect(code).toBe(0);
    expect(stdout).toContain('X3D');
    // The header's change counter (bytes 24–27) moves with every committed write.
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('yomikai ask with a file in the answer', () => {
  it('writes it into the folder it was run from and prints its path', async () => {
    const folder = mkdtempSync(join(work, 'here-'));
    const env = { PATH: process.env['PATH'] ?? '', HOME: work, YOMIKAI_DB: join(work, 'ics.db') };
    const { stdout } = await exec(process.execPath, [join(process.cwd(), 'bin/yomikai.js'), 'ask', '/reading ics'], { env, cwd: folder, timeout: 15_000 });
    expect(stdout).toContain('This channel has no sessions yet');
    expect(stdout).toContain(`File written: ${join(folder, 'yomikai-reading.ics')}`);
    expect(readFileSync(join(folder, 'yomikai-reading.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});

describe('yomikai ask and the quiz bank', () => {
  const env = { PATH: process.env['PATH'] ?? '', HOME: work, YOMIKAI_DB: join(work, 'bank.db'), YOMIKAI_QUIZ_DIR: 'test/fixtures/quiz/bad' };
  const run = (line: string) =>
    exec(process.execPath, ['bin/yomikai.js', 'ask', line], { env, timeout: 15_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('answers a lookup without reading the bank (a broken one does not stand in the way)', async () => {
    const { code, stdout } = await run('/model X3D');
    expect(code).toBe(0);
    expect(stdout).toContain('arxiv.org/abs/2004.04730');
  });

  it('reports a broken bank with its file:line problems when a /quiz command needs it', async () => {
    const { code, stderr } = await run('/quiz leaderboard');
    expect(code).toBe(2);
    expect(stderr).toMatch(/The quiz bank has \d+ problems?:\n.*test\/fixtures\/quiz\/bad\/[^:]+\.yaml:\d+: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('configuration errors', () => {
  it('names the variable and what it expects', async () => {
    const env = { PATH: process.env['PATH'] ?? '', YOMIKAI_TIMEZONE: 'Mars/Olympus' };
    const failed = await exec(process.execPath, ['bin/yomikai.js', 'ask', '/help'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed && failed.stderr).toContain('YOMIKAI_TIMEZONE="Mars/Olympus" is not valid: expected an IANA time zone');
  });
});
