import { readdirSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';

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
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => `${displayPath(path)}:${error.linePos?.[0]?.line ?? 1}: ${firstLine(error.message)}`) };
  }
  return { file: { path, doc, lines }, problems: [] };
}

/** "data/quiz/x.yaml:12" for the deepest node along `path` that exists in the file. */
export function locate(file: YamlFile, path: readonly PropertyKey[]): string {
  return `${displayPath(file.path)}:${lineAt(file, path)}`;
}

/** The line of the deepest node along `path` that exists in the file. */
export function lineAt(file: YamlFile, path: readonly PropertyKey[]): number {
  let offset = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      offset = node.range[0];
      break;
    }
  }
  return file.lines.linePos(offset).line;
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
