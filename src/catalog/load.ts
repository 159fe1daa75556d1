import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yamlParser } from './yaml.js';
import { catalogFileSchema, type CatalogFile } from './schema.js';
import { Catalog, type CatalogData } from './catalog.js';
import { checkReferences, type Located } from './references.js';
import { readYamlCache, writeYamlCache, yamlCacheKey } from './yaml-cache.js';

/** Every problem found, each as "data/catalog/FILE.yaml:LINE: what is wrong". */
export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
    this.name = 'CatalogError';
  }
}

interface ParsedFile {
  path: string;
  doc: Document;
  lines: LineCounter;
  data: CatalogFile;
  /** What the YAML parser gave, before validation: what the cache keeps. */
  raw: unknown;
}

export interface LoadCatalogOptions {
  /**
   * Where the parsed YAML may be kept between starts (yaml-cache.ts); without
   * it every load parses the YAML.
   */
  cacheDir?: string;
}

/**
 * Reads and validates every YAML file in `dir`, then checks ids and
 * cross-references across files. Either the whole catalog loads or a
 * CatalogError lists every problem — nothing is ever half-loaded.
 */
export function loadCatalog(dir: string, options: LoadCatalogOptions = {}): Catalog {
  const files = listYamlFiles(dir);
  if (files.length === 0) throw new CatalogError([`${displayPath(dir)}: no .yaml files found`]);
  const sources = files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  // One cache file per catalog folder: a test's fixture catalog never evicts the real one's.
  const prefix = `catalog-${yamlCacheKey([{ name: resolve(dir), text: '' }]).slice(0, 8)}`;
  if (options.cacheDir) {
    const cached = readYamlCache(options.cacheDir, prefix, sources);
    const catalog = cached && fromCachedValues(cached);
    if (catalog) return catalog;
  }
  const problems: string[] = [];
  const parsed: ParsedFile[] = [];
  for (const source of sources) {
    const result = parseFile(join(dir, source.name), source.text);
    if ('problems' in result) problems.push(...result.problems);
    else parsed.push(result);
  }
  if (problems.length > 0) throw new CatalogError(problems);
  const catalog = assemble(parsed.map((file) => ({ data: file.data, where: (path) => locate(file, path) })));
  if (options.cacheDir) writeYamlCache(options.cacheDir, prefix, sources, parsed.map((file) => file.raw));
  return catalog;
}

/**
 * The catalog from cached parser output, validated as always; undefined if
 * anything is wrong with it, so the caller parses the YAML and reports every
 * problem at its file and line.
 */
function fromCachedValues(values: readonly unknown[]): Catalog | undefined {
  const files: { data: CatalogFile; where: (path: readonly PropertyKey[]) => string }[] = [];
  for (const value of values) {
    const result = catalogFileSchema.safeParse(value ?? {});
    if (!result.success) return undefined;
    files.push({ data: result.data, where: () => 'cached' });
  }
  try {
    return assemble(files);
  } catch {
    return undefined;
  }
}

/** One Catalog from validated files, after the cross-file checks. */
function assemble(files: readonly { data: CatalogFile; where: (path: readonly PropertyKey[]) => string }[]): Catalog {
  const data: CatalogData = { topics: [], tasks: [], models: [], datasets: [], concepts: [] };
  const located: Located[] = [];
  for (const file of files) {
    for (const list of ['topics', 'tasks', 'models', 'datasets', 'concepts'] as const) {
      file.data[list]?.forEach((entry, index) => {
        (data[list] as unknown[]).push(entry);
        located.push({ list, entry, where: (path) => file.where([list, index, ...path]) });
      });
    }
  }
  const referenceProblems = checkReferences(located);
  if (referenceProblems.length > 0) throw new CatalogError(referenceProblems);
  return new Catalog(data);
}

function listYamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new CatalogError([`${displayPath(dir)}: no such folder (set YOMIKAI_CATALOG_DIR to the folder of catalog .yaml files)`]);
    }
    throw error;
  }
}

function parseFile(path: string, text: string): ParsedFile | { problems: string[] } {
  const { LineCounter, parseDocument } = yamlParser();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => `${displayPath(path)}:${lines.linePos(error.pos[0]).line}: ${firstLine(error.message)}`),
    };
  }
  const raw: unknown = doc.toJS();
  const result = catalogFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    const file = { path, doc, lines };
    return { problems: result.error.issues.map((issue) => `${locate(file, issue.path)}: ${describeIssue(issue)}`) };
  }
  return { path, doc, lines, data: result.data, raw };
}

/** "data/catalog/x.yaml:12" for the deepest node of `path` that exists in the file. */
function locate(file: Pick<ParsedFile, 'path' | 'doc' | 'lines'>, path: readonly PropertyKey[]): string {
  let offset = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (yamlParser().isNode(node) && node.range) {
      offset = node.range[0];
      break;
    }
  }
  return `${displayPath(file.path)}:${file.lines.linePos(offset).line}`;
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string; code: string; keys?: string[] }): string {
  const where = issue.path.map(String).join('.') || 'file';
  if (issue.code === 'unrecognized_keys' && issue.keys) return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return `${where}: ${issue.message}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Paths relative to the working directory when inside it, so messages read like data/catalog/x.yaml. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel || basename(path);
}
