import { loadCatalog } from '../src/catalog/load.js';
import { buildSearchDocs } from '../src/catalog/search-docs.js';
import { formatTable, runSearchBench } from './search-bench.js';

/**
 * Provisional entry point: only the search part. The lead's version adds the
 * dispatch timing; run with `npm run bench` (from the repository root).
 */
const docs = buildSearchDocs(loadCatalog('data/catalog'));
const rows = await runSearchBench(docs);
console.log(formatTable(rows));
