import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.js';

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

/** A copy of the real catalog and an empty cache folder. */
function setUp(): { catalogDir: string; cacheDir: string; cacheFiles: () => string[] } {
  const catalogDir = tempDir('yomikai-cached-catalog-');
  cpSync('data/catalog', catalogDir, { recursive: true });
  const cacheDir = join(tempDir('yomikai-cache-'), 'nested', 'cache');
  return { catalogDir, cacheDir, cacheFiles: () => readdirSync(cacheDir).filter((name) => name.endsWith('.json')) };
}

/** The X3D paper's title as this catalog holds it. */
function x3dTitle(catalog: ReturnType<typeof loadCatalog>): string | undefined {
  const found = catalog.get('x3d');
  return found?.kind === 'model' ? found.entry.paper.title : undefined;
}

function modelFile(catalogDir: string): string {
  const name = readdirSync(catalogDir).find((file) => readFileSync(join(catalogDir, file), 'utf8').includes('id: x3d'));
  if (!name) throw new Error('no catalog file holds x3d');
  return join(catalogDir, name);
}

describe('the parsed-catalog cache', () => {
  it('keeps the parser output after the first load and gives the same catalog from it', () => {
    const { catalogDir, cacheDir, cacheFiles } = setUp();
    const parsed = loadCatalog(catalogDir, { cacheDir });
    expect(cacheFiles()).toHaveLength(1);
    const cached = loadCatalog(catalogDir, { cacheDir });
    expect(cached.counts()).toEqual(parsed.counts());
    expect(cached.models).toEqual(parsed.models);
    expect(cached.search.best('X3D')?.id).toBe('x3d');
  });

  it('is read on the next load: what it holds is what the catalog shows', () => {
    const { catalogDir, cacheDir, cacheFiles } = setUp();
    loadCatalog(catalogDir, { cacheDir });
    // Rewrite the cached parser output only; a load that answers from it shows the change.
    const [file] = cacheFiles();
    const path = join(cacheDir, file!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"title":"X3D: Expanding Architectures[^"]*"/, '"title":"Cached title"'));
    expect(x3dTitle(loadCatalog(catalogDir, { cacheDir }))).toBe('Cached title');
  });

  it('never answers with the old values once a file has changed, and drops the old cache file', () => {
    const { catalogDir, cacheDir, cacheFiles } = setUp();
    loadCatalog(catalogDir, { cacheDir });
    const [before] = cacheFiles();
    const path = modelFile(catalogDir);
    // Same length on purpose: only the bytes tell the two versions apart.
    writeFileSync(path, readFileSync(path, 'utf8').replace('X3D: Expanding Architectures', 'X3D: Enlarging Architectures'));
    expect(x3dTitle(loadCatalog(catalogDir, { cacheDir }))).toBe('X3D: Enlarging Architectures for Efficient Video Recognition');
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).not.toBe(before);
  });

  it('falls back to the YAML when the cache file is damaged or no longer valid', () => {
    const { catalogDir, cacheDir, cacheFiles } = setUp();
    const expected = x3dTitle(loadCatalog(catalogDir));
    loadCatalog(catalogDir, { cacheDir });
    const path = join(cacheDir, cacheFiles()[0]!);
    writeFileSync(path, '{"half a fi');
    expect(x3dTitle(loadCatalog(catalogDir, { cacheDir }))).toBe(expected);
    // Valid JSON that the schema refuses (a year as text): validated, refused, parsed again from the YAML.
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"year":(\d+)/, '"year":"$1"'));
    expect(x3dTitle(loadCatalog(catalogDir, { cacheDir }))).toBe(expected);
  });

  it('still reports a broken catalog at its file and line, cache or not', () => {
    const { catalogDir, cacheDir } = setUp();
    loadCatalog(catalogDir, { cacheDir });
    const path = modelFile(catalogDir);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n(\s*)- id: x3d\n/, '\n$1- id: x3d\n$1  bogus_field: 1\n'));
    let thrown: unknown;
    try {
      loadCatalog(catalogDir, { cacheDir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogError);
    expect((thrown as CatalogError).problems.join('\n')).toMatch(/\.yaml:\d+: .*bogus_field/);
  });

  it('loads as usual where the cache cannot be written', () => {
    const { catalogDir } = setUp();
    const readOnly = tempDir('yomikai-readonly-');
    chmodSync(readOnly, 0o500);
    const blocked = join(readOnly, 'cache');
    // As root the folder is writable anyway; either way the load must succeed.
    expect(loadCatalog(catalogDir, { cacheDir: blocked }).get('x3d')).toBeDefined();
    const inFile = join(tempDir('yomikai-file-'), 'a-file');
    writeFileSync(inFile, '');
    expect(loadCatalog(catalogDir, { cacheDir: join(inFile, 'cache') }).get('x3d')).toBeDefined();
    chmodSync(readOnly, 0o700);
  });

  it('leaves no half-written file behind when the cache file cannot be put in place', () => {
    const { catalogDir, cacheDir, cacheFiles } = setUp();
    loadCatalog(catalogDir, { cacheDir });
    const [target] = cacheFiles();
    rmSync(join(cacheDir, target!));
    mkdirSync(join(cacheDir, target!)); // the rename onto it fails, after the file was written aside
    expect(loadCatalog(catalogDir, { cacheDir }).get('x3d')).toBeDefined();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps one file per catalog folder, so two catalogs do not evict each other', () => {
    const first = setUp();
    const second = setUp();
    loadCatalog(first.catalogDir, { cacheDir: first.cacheDir });
    loadCatalog(second.catalogDir, { cacheDir: first.cacheDir });
    expect(first.cacheFiles()).toHaveLength(2);
  });
});
