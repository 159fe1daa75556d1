import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SearchIndex, type SearchDoc } from '../src/catalog/search/index.js';
import { generateCatalog } from './generated-catalog.js';
import { HELD_OUT_QUERIES } from './held-out-queries.js';
import { ENGINES, type EngineSpec } from './peer-engines.js';
import { type BenchQuery, TUNED_QUERIES } from './queries.js';
import { percentile } from './stats.js';

/**
 * Our index against MiniSearch and Fuse.js (configured in peer-engines.ts), on
 * the real catalog and on a generated 100,000-doc one. Every query of both
 * tables is timed many times; the table reports the median and 99th percentile
 * of all those single-query times, and how many queries of each table each
 * engine answers with the right entry first.
 */
export interface BenchRow {
  engine: EngineSpec['engine'];
  catalog: string;
  docs: number;
  /** The first build in this process, JIT warm-up included: what a bot pays at start. */
  buildMs: number;
  /** The best of that and two more builds: the build itself, once the code is optimized. */
  bestBuildMs: number;
  /**
   * Memory retained by the built index — JS heap plus typed-array buffers, which
   * live outside the heap (our index is mostly typed arrays) — when the GC could be triggered.
   */
  memoryMB: number | undefined;
  medianUs: number;
  p99Us: number;
  samples: number;
  tuned: Accuracy;
  heldOut: Accuracy;
  /** The three queries with the highest median time: what the p99 is made of. */
  slowest: { query: string; medianUs: number }[];
}

interface Accuracy {
  top1: number;
  queries: number;
  /** Queries whose first hit was wrong: "query → got (expected)". */
  misses: string[];
}

const GENERATED_SIZE = 100_000;
const ALL_QUERIES = [...TUNED_QUERIES, ...HELD_OUT_QUERIES];

/**
 * Timed passes over both tables, after one untimed pass that also scores top-1.
 * Fuse scans every doc per query (≈1 s each at 100k), so it gets one timed pass there.
 */
const REPETITIONS: Record<EngineSpec['engine'], { real: number; generated: number }> = {
  yomikai: { real: 300, generated: 30 },
  minisearch: { real: 100, generated: 5 },
  'fuse.js': { real: 20, generated: 1 },
};

export async function runSearchBench(realDocs: SearchDoc[]): Promise<BenchRow[]> {
  const catalogs = [
    { label: `real (${realDocs.length} docs)`, size: 'real' as const, docs: realDocs },
    { label: 'generated 100k', size: 'generated' as const, docs: generateCatalog(GENERATED_SIZE, realDocs) },
  ];
  const rows: BenchRow[] = [];
  for (const catalog of catalogs) {
    for (const spec of ENGINES) {
      rows.push(measure(spec, catalog.label, catalog.docs, REPETITIONS[spec.engine][catalog.size]));
      await new Promise((resolve) => setImmediate(resolve)); // let pending I/O (progress output) flush
    }
  }
  return rows;
}

function measure(spec: EngineSpec, catalog: string, docs: SearchDoc[], repetitions: number): BenchRow {
  const collect = garbageCollector();
  // Twice: the first pass can leave the previous engine's index half-collected.
  collect?.();
  collect?.();
  const memoryBefore = retainedBytes();
  const buildStarted = process.hrtime.bigint();
  const topHit = spec.build(docs);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
  collect?.();
  const memoryMB = collect ? (retainedBytes() - memoryBefore) / 2 ** 20 : undefined;
  // No forced collection before these: a full GC throws away optimized code (V8 drops
  // code that embeds objects it freed), so a build right after one is a cold build again.
  let bestBuildMs = buildMs;
  for (let again = 0; again < 2; again++) {
    const started = process.hrtime.bigint();
    spec.build(docs);
    bestBuildMs = Math.min(bestBuildMs, Number(process.hrtime.bigint() - started) / 1e6);
  }

  const score = (table: readonly BenchQuery[]): Accuracy => {
    const misses: string[] = [];
    for (const { query, expected } of table) {
      const got = topHit(query); // also the warm-up pass
      if (got !== expected) misses.push(`${query} → ${got ?? '(nothing)'} (${expected})`);
    }
    return { top1: table.length - misses.length, queries: table.length, misses };
  };
  const tuned = score(TUNED_QUERIES);
  const heldOut = score(HELD_OUT_QUERIES);

  const times: number[] = [];
  const perQuery = new Map<string, number[]>(ALL_QUERIES.map(({ query }) => [query, []]));
  for (let round = 0; round < repetitions; round++) {
    for (const { query } of ALL_QUERIES) {
      const started = process.hrtime.bigint();
      topHit(query);
      const us = Number(process.hrtime.bigint() - started) / 1e3;
      times.push(us);
      perQuery.get(query)!.push(us);
    }
  }
  const slowest = [...perQuery]
    .map(([query, own]) => ({ query, medianUs: percentile(own, 0.5) }))
    .sort((a, b) => b.medianUs - a.medianUs)
    .slice(0, 3);
  return {
    engine: spec.engine,
    catalog,
    docs: docs.length,
    buildMs,
    bestBuildMs,
    memoryMB,
    medianUs: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    samples: times.length,
    tuned,
    heldOut,
    slowest,
  };
}

/**
 * Pasted essays: a 5,000-character query must cost what its first 512
 * characters cost (index.ts cuts it there). Timed here, not in the tests,
 * so a loaded CI machine cannot fail a correct build.
 */
export function runLongQueryBench(realDocs: SearchDoc[], repetitions = 200): { query: string; medianUs: number; maxUs: number }[] {
  const index = new SearchIndex(realDocs);
  const queries = ['a'.repeat(5000), 'efficientnet '.repeat(400), '行動認識'.repeat(1250), '🔥'.repeat(2500)];
  return queries.map((query) => {
    index.search(query); // warm-up
    const times: number[] = [];
    for (let round = 0; round < repetitions; round++) {
      const started = process.hrtime.bigint();
      index.search(query);
      times.push(Number(process.hrtime.bigint() - started) / 1e3);
    }
    return { query: `${JSON.stringify(query.slice(0, 14))}… (${query.length} chars)`, medianUs: percentile(times, 0.5), maxUs: Math.max(...times) };
  });
}

function retainedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** The GC, if this process lets us reach it: heap figures mean little without a collection first. */
function garbageCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export function formatTable(rows: readonly BenchRow[]): string {
  const time = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  const accuracy = (value: Accuracy) => `${value.top1}/${value.queries}`;
  const lines = [
    '| catalog | engine | build: first / best of 3 | memory | median | p99 | samples | top-1 tuned | top-1 held-out |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      [
        row.catalog,
        row.engine,
        `${row.buildMs.toFixed(0)} / ${row.bestBuildMs.toFixed(0)} ms`,
        // A negative delta means the collector freed more than the index took: not a measurement.
        row.memoryMB === undefined || row.memoryMB < 0 ? '–' : `${row.memoryMB.toFixed(1)} MB`,
        time(row.medianUs),
        time(row.p99Us),
        String(row.samples),
        accuracy(row.tuned),
        accuracy(row.heldOut),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  lines.push('', 'Slowest queries (median of their own samples):');
  for (const row of rows) {
    lines.push(`- ${row.engine}, ${row.catalog}: ${row.slowest.map((slow) => `\`${slow.query}\` ${time(slow.medianUs)}`).join(', ')}`);
  }
  for (const row of rows) {
    for (const [table, value] of [['tuned', row.tuned], ['held-out', row.heldOut]] as const) {
      if (value.misses.length > 0) lines.push('', `${row.engine} on ${row.catalog}, ${table} table, missed: ${value.misses.join('; ')}`);
    }
  }
  return lines.join('\n');
}
