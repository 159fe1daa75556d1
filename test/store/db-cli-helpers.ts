import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** `yomikai ARGS` as a child process on the built package (npm test builds first). */
export async function yomikai(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/yomikai.js', ...args], { env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Answers member w-0, w-1, … on one open round, one transaction each through the real store,
// about 200 a second (one every 5 ms), and prints each number once its transaction has committed (the ack).
const WRITER = `
const [file, roundId, dist] = process.argv.slice(1);
const { openAppDatabase } = await import(dist + '/src/app.js');
const { QuizAnswerStore } = await import(dist + '/src/quiz/store/answers.js');
const db = openAppDatabase(file);
// Worst case for a backup: nothing is checkpointed, every answer stays in the WAL file
// (a running bot checkpoints every 1000 pages, so its newest answers are always there).
db.pragma('wal_autocheckpoint = 0');
const store = new QuizAnswerStore(db);
let n = 0;
const timer = setInterval(() => {
  const outcome = store.answer(Number(roundId), 'w-' + n, 'Writer ' + n, n % 4, new Date('2026-12-01T09:00:30Z'));
  if (outcome !== 'recorded') throw new Error('answer ' + n + ': ' + outcome);
  process.stdout.write(n++ + '\\n');
}, 5);
process.stdin.on('end', () => { clearInterval(timer); db.close(); });
process.stdin.resume();
`;

/** A writer process and the answers it has acknowledged so far, with a way to wait for more. */
export class AnswerWriter {
  readonly acked: number[] = [];
  private readonly child: ChildProcess;
  private readonly waiters: { count: number; done: () => void }[] = [];
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(file: string, roundId: number) {
    const dist = pathToFileURL(resolve('dist')).href;
    this.child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, file, String(roundId), dist], { stdio: ['pipe', 'pipe', 'pipe'] });
    let partial = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.acked.push(Number(line));
      for (const waiter of this.waiters.filter((w) => this.acked.length >= w.count)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.done();
      }
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
    void this.exited.then(() => {
      for (const waiter of this.waiters.splice(0)) waiter.done();
    });
  }

  /** Resolves once `count` answers are acknowledged; throws if the writer died first. */
  async waitFor(count: number): Promise<void> {
    if (this.acked.length < count) await new Promise<void>((done) => this.waiters.push({ count, done }));
    if (this.acked.length < count) throw new Error(`the writer stopped after ${this.acked.length} answers:\n${this.stderr}`);
  }

  async stop(): Promise<number | null> {
    this.child.stdin?.end();
    return this.exited;
  }
}
