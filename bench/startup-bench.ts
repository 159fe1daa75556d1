import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './stats.js';

export interface StartupRow {
  what: string;
  runs: number;
  medianMs: number;
  maxMs: number;
}

interface Probe {
  what: string;
  args: string[];
  stdin?: string;
  /** Output that marks the moment measured; undefined: the process's exit. */
  until?: string;
}

/**
 * Wall time from spawning a process until it shows what a person waits for:
 * `node -e 0` as the floor (Node's own start), `node dist/src/main.js` (what
 * `npm start` runs after its build step) with no tokens until the console
 * prompt, and `yomikai ask "/model X3D"` until the card is printed. The probes
 * take turns within each run, so a busy machine slows them alike.
 */
export async function runStartupBench(runs = 7): Promise<StartupRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yomikai-bench-'));
  const db = join(dir, 'bench.db');
  const probes: Probe[] = [
    { what: '`node -e 0` (the floor)', args: ['-e', '0'] },
    { what: 'console: start → first prompt', args: ['dist/src/main.js'], until: 'yomikai> ', stdin: '/quit\n' },
    { what: '`yomikai ask "/model X3D"` → first answer', args: ['bin/yomikai.js', 'ask', '/model X3D'], until: 'arxiv.org' },
  ];
  const times = probes.map((): number[] => []);
  try {
    await timeProbe(probes[2]!, db); // creates and migrates the database once, as a first start would
    for (let i = 0; i < runs; i++) {
      for (const [index, probe] of probes.entries()) times[index]!.push(await timeProbe(probe, db));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return probes.map((probe, index) => ({ what: probe.what, runs, medianMs: percentile(times[index]!, 0.5), maxMs: Math.max(...times[index]!) }));
}

function timeProbe(probe: Probe, db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(process.execPath, probe.args, {
      env: { PATH: process.env['PATH'] ?? '', YOMIKAI_DB: db },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    let seenAt: number | undefined;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${probe.what}: nothing within 30 s`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (seenAt !== undefined || probe.until === undefined || !output.includes(probe.until)) return;
      seenAt = elapsed();
      if (probe.stdin) child.stdin.end(probe.stdin);
    });
    if (!probe.stdin) child.stdin.end();
    child.once('exit', () => {
      clearTimeout(timer);
      const ms = probe.until === undefined ? elapsed() : seenAt;
      if (ms === undefined) reject(new Error(`${probe.what}: exited without "${probe.until}"`));
      else resolve(ms);
    });
    child.once('error', reject);
  });
}
