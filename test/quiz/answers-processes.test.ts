import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { channelKeyOf } from '../../src/core/invocation.js';
import { ADMIN, PLACE, quizHarness, tickUntil } from './harness.js';

/**
 * Answers from several OS processes writing one database file at once — the
 * bot and a second instance, or many clicks served in parallel. One answer
 * per person per round must hold across connections, not only in one loop.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const CHILD = `
const [file, roundId, proc, dist] = process.argv.slice(1);
const { openAppDatabase } = await import(dist + '/src/app.js');
const { QuizAnswerStore } = await import(dist + '/src/store/quiz-answers.js');
const db = openAppDatabase(file);
const store = new QuizAnswerStore(db);
const outcomes = {};
// Everyone of this process's own 50 members, interleaved with 10 members every process also answers for.
for (let i = 0; i < 50; i++) {
  outcomes['p' + proc + '-' + i] = store.answer(Number(roundId), 'p' + proc + '-' + i, 'Member ' + i, i % 4, new Date('2026-12-01T09:00:30Z'));
  if (i % 5 === 0) {
    const shared = 's' + i / 5;
    outcomes[shared + '@' + proc] = store.answer(Number(roundId), shared, 'Shared', Number(proc) % 4, new Date('2026-12-01T09:00:31Z'));
  }
}
db.close();
process.stdout.write(JSON.stringify(outcomes));
`;

function answerInChild(file: string, roundId: number, proc: number): Promise<Record<string, string>> {
  const dist = pathToFileURL(resolve('dist')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, file, String(roundId), String(proc), dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done(JSON.parse(out) as Record<string, string>) : fail(new Error(`answering process ${proc} failed:\n${err}`)))),
  );
}

describe('answers from several processes', () => {
  it('four processes answering at once: one answer per person, every new person recorded once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yomikai-answers-'));
    dirs.push(dir);
    const file = join(dir, 'quiz.db');
    const h = quizHarness({ file, clock: new ManualClock('2026-12-01T08:59:00Z') });
    h.service.schedule(PLACE, ADMIN, { time: '09:00', timezone: 'UTC', revealAfter: '1h' }, 'UTC');
    await tickUntil(h, '2026-12-01T09:00:00Z');
    const round = h.rounds.openIn(channelKeyOf(PLACE));
    if (!round) throw new Error('no round opened');
    const results = await Promise.all([0, 1, 2, 3].map((proc) => answerInChild(file, round.id, proc)));
    for (const [proc, outcomes] of results.entries()) {
      for (let i = 0; i < 50; i++) expect(outcomes[`p${proc}-${i}`]).toBe('recorded');
    }
    // A member every process answered for: recorded by exactly one, changed or unchanged by the rest.
    for (let s = 0; s < 10; s++) {
      const seen = results.map((outcomes, proc) => outcomes[`s${s}@${proc}`]);
      expect(seen.filter((o) => o === 'recorded'), `member s${s}: ${seen.join(', ')}`).toHaveLength(1);
      expect(seen.every((o) => ['recorded', 'changed', 'unchanged'].includes(o ?? ''))).toBe(true);
    }
    expect(h.answers.countFor(round.id)).toBe(4 * 50 + 10);
    h.db.close();
  });
});
