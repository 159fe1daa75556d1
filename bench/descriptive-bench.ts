import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { SearchIndex, type SearchDoc } from '../src/catalog/search/index.js';
import { textTerms } from '../src/catalog/search/text-tokens.js';
import { DESCRIPTIVE_QUERIES, type DescriptiveQuery } from './descriptive-queries.js';
import { percentile } from './stats.js';

/**
 * The descriptive query table (descriptive-queries.ts) on the real catalog:
 * how often the entry meant is in the top 3 (and first), for our engine and
 * for MiniSearch and Fuse.js given the same fields and the same terms — every
 * name, title and description already cut into our terms (stop words out,
 * stems, kanji bigrams, loanwords), joined by spaces, so the peers differ from
 * us only in how they rank. Names ×3, titles ×2, descriptions ×1 for all three.
 */
export interface DescriptiveRow {
  engine: 'yomikai' | 'minisearch' | 'fuse.js';
  top3: number;
  top1: number;
  queries: number;
  en: number;
  ja: number;
  misses: string[];
}

type Top3 = (query: string) => string[];

interface TermDoc {
  id: string;
  names: string;
  titles: string;
  descriptions: string;
}

function termDoc(doc: SearchDoc): TermDoc {
  const terms = (texts: readonly string[] = []) => texts.flatMap((text) => textTerms(text)).join(' ');
  return { id: doc.id, names: terms(doc.names), titles: terms(doc.keywords), descriptions: terms(doc.descriptions) };
}

const queryText = (query: string) => textTerms(query).join(' ');

const ENGINES: { engine: DescriptiveRow['engine']; build: (docs: readonly SearchDoc[]) => Top3 }[] = [
  {
    engine: 'yomikai',
    build: (docs) => {
      const index = new SearchIndex(docs);
      return (query) => index.search(query, { limit: 3, descriptions: true }).map((hit) => hit.id);
    },
  },
  {
    engine: 'minisearch',
    build: (docs) => {
      // Our terms are already split and stemmed: MiniSearch tokenizes on spaces and leaves them as they are.
      const mini = new MiniSearch<TermDoc>({
        fields: ['names', 'titles', 'descriptions'],
        tokenize: (text) => text.split(' ').filter(Boolean),
        processTerm: (term) => term,
        searchOptions: { boost: { names: 3, titles: 2 }, tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
      });
      mini.addAll(docs.map(termDoc));
      return (query) => mini.search(queryText(query)).slice(0, 3).map((hit) => hit.id as string);
    },
  },
  {
    engine: 'fuse.js',
    build: (docs) => {
      // Extended search with the terms OR-ed ("a | b | c"): Fuse's way to match any word of a query.
      const fuse = new Fuse(docs.map(termDoc), {
        keys: [{ name: 'names', weight: 3 }, { name: 'titles', weight: 2 }, { name: 'descriptions', weight: 1 }],
        ignoreLocation: true,
        threshold: 0.4,
        useExtendedSearch: true,
      });
      return (query) => fuse.search(queryText(query).split(' ').filter(Boolean).join(' | ')).slice(0, 3).map((hit) => hit.item.id);
    },
  },
];

export function runDescriptiveBench(docs: readonly SearchDoc[], table: readonly DescriptiveQuery[] = DESCRIPTIVE_QUERIES): DescriptiveRow[] {
  return ENGINES.map(({ engine, build }) => {
    const top3 = build(docs);
    const row: DescriptiveRow = { engine, top3: 0, top1: 0, queries: table.length, en: 0, ja: 0, misses: [] };
    for (const { query, expected, lang } of table) {
      const got = top3(query);
      if (expected.includes(got[0] ?? '')) row.top1++;
      if (got.some((id) => expected.includes(id))) {
        row.top3++;
        row[lang]++;
      } else row.misses.push(`${query} → ${got.join(', ') || '(nothing)'} (${expected.join(' / ')})`);
    }
    return row;
  });
}

export function formatDescriptiveTable(rows: readonly DescriptiveRow[]): string {
  const share = (count: number, of: number) => `${count}/${of} (${((100 * count) / of).toFixed(0)}%)`;
  const enCount = DESCRIPTIVE_QUERIES.filter((query) => query.lang === 'en').length;
  const jaCount = DESCRIPTIVE_QUERIES.length - enCount;
  const lines = ['| engine | top-3 | top-1 | top-3 English | top-3 Japanese |', '|---|---:|---:|---:|---:|'];
  for (const row of rows) {
    lines.push(`| ${row.engine} | ${share(row.top3, row.queries)} | ${share(row.top1, row.queries)} | ${row.en}/${enCount} | ${row.ja}/${jaCount} |`);
  }
  for (const row of rows) if (row.misses.length > 0) lines.push('', `${row.engine} missed: ${row.misses.join('; ')}`);
  return lines.join('\n');
}

/**
 * /search's cost for descriptive queries: the table's queries asked as /search
 * asks them (60 hits) of an index over `docs` (the generated 100,000-entry
 * catalog with notes), each timed `repetitions` times after a warm-up pass.
 */
export async function runDescriptiveTiming(
  docs: readonly SearchDoc[],
  repetitions = 30,
): Promise<{ medianUs: number; p99Us: number; samples: number; buildMs: number; memoryMB: number | undefined }> {
  // Memory as search-bench.ts counts it (heap + typed-array buffers), when `node --expose-gc` lets us collect first.
  const collect = (globalThis as { gc?: () => void }).gc;
  const retained = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  collect?.();
  const before = retained();
  const started = process.hrtime.bigint();
  const index = new SearchIndex(docs);
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  // The build's temporary typed arrays (tens of MB) are released a little after the collection that
  // finds them dead: wait, then collect again, so only what the index keeps is counted.
  collect?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  collect?.();
  const memoryMB = collect ? (retained() - before) / 2 ** 20 : undefined;
  for (const { query } of DESCRIPTIVE_QUERIES) index.search(query, { limit: 60, descriptions: true });
  const times: number[] = [];
  for (let round = 0; round < repetitions; round++) {
    for (const { query } of DESCRIPTIVE_QUERIES) {
      const at = process.hrtime.bigint();
      index.search(query, { limit: 60, descriptions: true });
      times.push(Number(process.hrtime.bigint() - at) / 1e3);
    }
  }
  return { medianUs: percentile(times, 0.5), p99Us: percentile(times, 0.99), samples: times.length, buildMs, memoryMB };
}
