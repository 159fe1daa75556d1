import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * What the YAML parser made of a set of files, kept as JSON beside the
 * installed package and keyed by a hash of the files' names and bytes. Parsing
 * the catalog's YAML is most of a cold start (≈0.4 s of a one-shot
 * `yomikai ask`); reading the same values back from JSON takes about a
 * millisecond. Only the parser's output is kept — validation still runs on
 * every load — so a change to the schema can never be hidden by a stale file,
 * and changed YAML simply has another key.
 *
 * Every failure here (a read-only install, a full disk, a half-written file of
 * another process) only means a slower start: the caller parses the YAML.
 */

/** Bumped if the layout of a cache file ever changes. */
const FORMAT = 'yomikai-yaml-cache-1';

export interface YamlSource {
  name: string;
  text: string;
}

/** The cache key of these files: their names and bytes, in order. */
export function yamlCacheKey(sources: readonly YamlSource[]): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const source of sources) hash.update(`\0${source.name}\0${source.text.length}\0`).update(source.text);
  return hash.digest('hex').slice(0, 32);
}

/** The parsed values of each file, in order, if this exact set was cached; otherwise undefined. */
export function readYamlCache(cacheDir: string, prefix: string, sources: readonly YamlSource[]): unknown[] | undefined {
  try {
    const values = JSON.parse(readFileSync(cachePath(cacheDir, prefix, sources), 'utf8')) as unknown;
    return Array.isArray(values) && values.length === sources.length ? values : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the parsed values for the next start, replacing older files of the
 * same prefix. Values JSON cannot carry exactly (a YAML timestamp, .inf) are
 * not cached at all, so a cached load always sees what the parser gave.
 */
export function writeYamlCache(cacheDir: string, prefix: string, sources: readonly YamlSource[], values: readonly unknown[]): void {
  let partial: string | undefined;
  try {
    const json = JSON.stringify(values);
    if (!isDeepStrictEqual(JSON.parse(json), values)) return;
    mkdirSync(cacheDir, { recursive: true });
    const target = cachePath(cacheDir, prefix, sources);
    // Written aside, then renamed: another process never reads half a file.
    partial = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, target);
    partial = undefined;
    for (const name of readdirSync(cacheDir)) {
      const old = join(cacheDir, name);
      if (name.startsWith(`${prefix}-`) && name.endsWith('.json') && old !== target) rmSync(old, { force: true });
    }
  } catch {
    // Not cached: the next start parses the YAML again. A file half written (a full disk) is not left behind.
    if (partial) removeQuietly(partial);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing more to do: a stray .tmp file is only clutter.
  }
}

function cachePath(cacheDir: string, prefix: string, sources: readonly YamlSource[]): string {
  return join(cacheDir, `${prefix}-${yamlCacheKey(sources)}.json`);
}
