import { DESCRIPTION_LEAD, SearchIndex, type SearchDoc } from '../src/catalog/search/index.js';
import { KINDS_FOR } from '../src/present/kinds.js';
import { DESCRIPTIVE_QUERIES } from './descriptive-queries.js';

/**
 * The "clearly ahead" margin of /model and /dataset (index.ts, DESCRIPTION_LEAD):
 * each descriptive query whose meant entries /model or /dataset can show is
 * asked as that command asks it (describe(), the command's kinds), and the
 * ratio of the first score to the second is set against whether the first was
 * right. For each candidate margin: how many queries would be answered alone,
 * and how many of those alone-answers would be wrong.
 */
export interface MarginRow {
  margin: number;
  alone: number;
  wrongAlone: number;
  queries: number;
}

const CANDIDATES = [1.1, 1.25, 1.5, 2, 3];

export function runMarginBench(docs: readonly SearchDoc[]): { rows: MarginRow[]; current: number } {
  const index = new SearchIndex(docs);
  const kindOf = new Map(docs.map((doc) => [doc.id, doc.kind]));
  const cases: { ratio: number; right: boolean }[] = [];
  for (const { query, expected } of DESCRIPTIVE_QUERIES) {
    for (const kinds of [KINDS_FOR.model, KINDS_FOR.dataset]) {
      const meant = expected.filter((id) => kinds.includes(kindOf.get(id)!));
      if (meant.length === 0) continue;
      const { hits, scores } = index.describe(query, { kinds, limit: 2 });
      if (hits.length === 0) continue;
      const ratio = scores.length > 1 ? scores[0]! / scores[1]! : Number.POSITIVE_INFINITY;
      cases.push({ ratio, right: meant.includes(hits[0]!.id) });
    }
  }
  const rows = CANDIDATES.map((margin) => {
    const alone = cases.filter((one) => one.ratio >= margin);
    return { margin, alone: alone.length, wrongAlone: alone.filter((one) => !one.right).length, queries: cases.length };
  });
  return { rows, current: DESCRIPTION_LEAD };
}

export function formatMarginTable({ rows, current }: { rows: MarginRow[]; current: number }): string {
  const lines = ['| margin (first ÷ second) | answered alone | of which wrong | listed as "did you mean" |', '|---:|---:|---:|---:|'];
  for (const row of rows) {
    const mark = row.margin === current ? ' (used)' : '';
    lines.push(`| ${row.margin}${mark} | ${row.alone}/${row.queries} | ${row.wrongAlone} | ${row.queries - row.alone} |`);
  }
  return lines.join('\n');
}
