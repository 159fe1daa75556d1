import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { buildSearchDocs } from '../../src/catalog/search-docs.js';
import type { SearchDoc } from '../../src/catalog/search/types.js';

/**
 * The text index of a large catalog is built on a worker thread while the name
 * tables are built (text-index-job.ts). The thread runs the compiled module
 * (dist/, which `npm test` builds first), so these tests import the compiled
 * job too: from the .ts sources there is no module for a thread to run.
 */
const DIST = new URL('../../dist/src/catalog/search/', import.meta.url);
type Job = typeof import('../../src/catalog/search/text-index-job.js');
type Rows = typeof import('../../src/catalog/search/text-rows.js');
type Names = typeof import('../../src/catalog/search/row-terms.js');
const job = (await import(new URL('text-index-job.js', DIST).href)) as Job;
const { TextRows } = (await import(new URL('text-rows.js', DIST).href)) as Rows;
const { rowWords } = (await import(new URL('row-terms.js', DIST).href)) as Names;

const realDocs = buildSearchDocs(loadCatalog('data/catalog'));
const mixed: SearchDoc[] = [
  ...realDocs,
  { id: 'fold', kind: 'model', names: ['ＮｅＲＦ－Ｗ', 'C++ Net'], keywords: ['Café x-ray'], descriptions: ['cafe\u0301 ZERO KELVIN 0\u212A', 'か\u3099くしゅう 🚀 ﾃﾞｰﾀｾｯﾄ'] },
  { id: 'empty', kind: 'concept', names: ['Empty'] },
];

function build(docs: readonly SearchDoc[], options: Parameters<Job['startTextIndex']>[1]) {
  const started = job.startTextIndex(docs, options);
  started.give(rowWords(new TextRows(docs)));
  return started.wait();
}

describe('the text index built on a worker thread', () => {
  it('is the index built on this thread, to the last bit of every score', () => {
    const here = build(mixed, { thread: false });
    const thread = build(mixed, { thread: true });
    expect(here.thread).toBe(false);
    expect(thread.thread).toBe(true);
    expect(thread.parts).toEqual(here.parts);
    expect(here.parts.terms.charStart.length - 1).toBeGreaterThan(1000); // terms
  });

  it('falls back to this thread, with the same index, when the thread cannot load its module or fails in it', () => {
    const here = build(mixed, { thread: false });
    for (const fixture of ['broken-on-import.mjs', 'broken-on-build.mjs']) {
      const buildModule = new URL(`../fixtures/text-index-build/${fixture}`, import.meta.url);
      expect(existsSync(buildModule)).toBe(true);
      const fallback = build(mixed, { thread: true, buildModule });
      expect(fallback.thread, fixture).toBe(false);
      expect(fallback.parts, fixture).toEqual(here.parts);
    }
  });

  it('is not started for a small catalog unless asked', () => {
    expect(build(realDocs, {}).thread).toBe(false);
  });
});
