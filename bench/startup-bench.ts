import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './stats.js';

export interface StartupRow {
  runs: number;
  medianMs: number;
  maxMs: number;
}

/**
 * Wall time from spawning `node dist/src/main.js` (what `npm start` runs
 * after its build step) with no tokens until the console prompt appears.
 */
export async function runStartupBench(runs = 7): Promise<StartupRow> {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-bench-'));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) times.push(await timeToPrompt(join(dir, 'bench.db')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs, medianMs: percentile(times, 0.5), maxMs: Math.max(...times) };
}

function timeToPrompt(db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: { PATH: process.env['PATH'] ?? '', YOMIKAI_DB: db },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no prompt within 10 s'));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('yomikai> ')) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.stdin.end('/quit\n');
        child.once('exit', () => resolve(ms));
      }
    });
    child.once('error', reject);
  });
}
