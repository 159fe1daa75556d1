import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { SearchIndex, type SearchDoc } from '../src/catalog/search/index.js';
import { generateCatalog } from './generated-catalog.js';
import { BENCH_QUERIES } from './queries.js';

/**
 * Our index against Fuse.js (default options, keys = the name/alias list), on
 * the real catalog and on a generated 100,000-doc one. Each query of the table
 * is timed many times; the table reports the median and 99th percentile of all
 * those single-query times, and how many queries each engine answers with the
 * right entry first.
 */
export interface BenchRow {
  engine: 'yomikai' | 'fuse.js';
  catalog: string;
  docs: number;
  buildMs: number;
  /** Heap retained by the built index, when the GC could be triggered. */
  heapMB: number | undefined;
  medianUs: number;
  p99Us: number;
  samples: number;
  top1: number;
  queries: number;
  /** Queries whose first hit was wrong: "query → got (expected)". */
  misses: string[];
}

const GENERATED_SIZE = 100_000;

/** Repetitions per query. Fuse scans every doc per query (≈0.3 s at 100k), so it gets fewer. */
const REPETITIONS = {
  yomikai: { real: 500, generated: 40 },
  'fuse.js': { real: 40, generated: 2 },
} as const;

type TopHit = (query: string) => string | undefined;

interface EngineSpec {
  engine: BenchRow['engine'];
  build: (docs: SearchDoc[]) => TopHit;
}

const ENGINES: EngineSpec[] = [
  {
    engine: 'yomikai',
    build: (docs) => {
      const index = new SearchIndex(docs);
      return (query) => index.search(query)[0]?.id;
    },
  },
  {
    engine: 'fuse.js',
    build: (docs) => {
      const fuse = new Fuse(docs, { keys: ['names'] });
      return (query) => fuse.search(query)[0]?.item.id;
    },
  },
];

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
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = process.hrtime.bigint();
  const topHit = spec.build(docs);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
  collect?.();
  const heapMB = collect ? (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 : undefined;

  const misses: string[] = [];
  for (const { query, expected } of BENCH_QUERIES) {
    const got = topHit(query); // also the warm-up pass
    if (got !== expected) misses.push(`${query} → ${got ?? '(nothing)'} (${expected})`);
  }

  const times: number[] = [];
  for (let round = 0; round < repetitions; round++) {
    for (const { query } of BENCH_QUERIES) {
      const started = process.hrtime.bigint();
      topHit(query);
      times.push(Number(process.hrtime.bigint() - started) / 1e3);
    }
  }
  times.sort((a, b) => a - b);
  return {
    engine: spec.engine,
    catalog,
    docs: docs.length,
    buildMs,
    heapMB,
    medianUs: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    samples: times.length,
    top1: BENCH_QUERIES.length - misses.length,
    queries: BENCH_QUERIES.length,
    misses,
  };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
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
  const lines = [
    '| catalog | engine | build | heap | median | p99 | samples | top-1 |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      [
        row.catalog,
        row.engine,
        `${row.buildMs.toFixed(0)} ms`,
        // A negative delta means the collector freed more than the index took: not a measurement.
        row.heapMB === undefined || row.heapMB < 0 ? '–' : `${row.heapMB.toFixed(1)} MB`,
        time(row.medianUs),
        time(row.p99Us),
        String(row.samples),
        `${row.top1}/${row.queries}`,
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  const misses = rows.filter((row) => row.misses.length > 0);
  for (const row of misses) lines.push('', `${row.engine} on ${row.catalog} missed: ${row.misses.join('; ')}`);
  return lines.join('\n');
}
