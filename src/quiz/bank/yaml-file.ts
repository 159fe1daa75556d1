import { readdirSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yamlParser } from '../../catalog/yaml.js';

/**
 * A YAML file kept with its line positions, so any value inside it can be
 * reported as "data/quiz/FILE.yaml:LINE" (the same convention as the catalog
 * loader in src/catalog/load.ts).
 */
export interface YamlFile {
  path: string;
  doc: Document;
  lines: LineCounter;
}

export type ReadYaml = { file: YamlFile; problems: [] } | { file?: undefined; problems: string[] };

export function readYamlFile(path: string): ReadYaml {
  const { LineCounter, parseDocument } = yamlParser();
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => `${displayPath(path)}:${lines.linePos(error.pos[0]).line}: ${firstLine(error.message)}`) };
  }
  return { file: { path, doc, lines }, problems: [] };
}

/** "data/quiz/x.yaml:12" for the deepest node along `path` that exists in the file. */
export function locate(file: YamlFile, path: readonly PropertyKey[]): string {
  return `${displayPath(file.path)}:${lineAt(file, path)}`;
}

/**
 * The line of the deepest node along `path` that exists in the file. A map
 * field is found at its key, so `choices:` is reported on its own line rather
 * than on the first item of the list below it.
 */
export function lineAt(file: YamlFile, path: readonly PropertyKey[]): number {
  const { isNode } = yamlParser();
  let offset = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const key = depth === 0 ? undefined : keyNode(file, path.slice(0, depth));
    const node = depth === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, depth) as unknown[], true);
    const found = key ?? node;
    if (isNode(found) && found.range) {
      offset = found.range[0];
      break;
    }
  }
  return file.lines.linePos(offset).line;
}

/** The key node of the last step of `path` when that step is a field of a map. */
function keyNode(file: YamlFile, path: readonly PropertyKey[]): unknown {
  const { isMap, isScalar } = yamlParser();
  const parent = path.length === 1 ? file.doc.contents : file.doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path[path.length - 1])?.key;
}

/**
 * The .yaml/.yml files in `dir`, sorted; `undefined` when the folder does not
 * exist, which callers may treat as "no files" rather than a failure.
 */
export function listYamlFiles(dir: string): string[] | undefined {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Relative to the working directory when inside it, so messages read like data/quiz/x.yaml. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel || basename(path);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
