import { describe, expect, it } from 'vitest';
import { circles, importEdges, sourceFiles } from './imports.js';
import { FEATURE_FOLDERS, LAYERS } from './layers.js';

const files = sourceFiles('.', ['src', 'commands']);
const edges = importEdges('.', files);

/** The most specific layer entry naming the file (a file entry beats its folder). */
function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const path of layer.paths) {
      const matches = path.endsWith('/') ? file.startsWith(path) : file === path;
      if (matches && path.length > bestLength) {
        best = index;
        bestLength = path.length;
      }
    }
  });
  return best;
}

const featureOf = (file: string) => FEATURE_FOLDERS.find((folder) => file.startsWith(folder));

describe('the layers of the house', () => {
  it('every source file has a layer', () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('no file imports from a higher layer', () => {
    const upward = edges
      .filter((edge) => layerOf(edge.to) > layerOf(edge.from))
      .map((edge) => `${edge.from} (${LAYERS[layerOf(edge.from)]?.name}) → ${edge.to} (${LAYERS[layerOf(edge.to)]?.name})`);
    expect(upward).toEqual([]);
  });

  it('the core and the store know no feature', () => {
    const known = edges.filter((edge) => /^src\/(core|store)\//.test(edge.from) && featureOf(edge.to)).map((edge) => `${edge.from} → ${edge.to}`);
    expect(known).toEqual([]);
  });

  it('a feature uses another feature’s types only, never its code', () => {
    const code = edges
      .filter((edge) => !edge.typeOnly && featureOf(edge.from) && featureOf(edge.to) && featureOf(edge.from) !== featureOf(edge.to))
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(code).toEqual([]);
  });

  it('no import circle of more than two files (type-only and on-demand imports aside)', () => {
    const loaded = edges.filter((edge) => !edge.typeOnly && !edge.dynamic);
    expect(circles(loaded).filter((group) => group.length > 2)).toEqual([]);
  });

  it('finds an upward import when there is one (the check itself works)', () => {
    const planted = [{ from: 'src/core/command.ts', to: 'src/quiz/service.ts', typeOnly: true, dynamic: false }];
    expect(planted.filter((edge) => layerOf(edge.to) > layerOf(edge.from))).toHaveLength(1);
    expect(circles([{ from: 'a', to: 'b', typeOnly: false, dynamic: false }, { from: 'b', to: 'c', typeOnly: false, dynamic: false }, { from: 'c', to: 'a', typeOnly: false, dynamic: false }]).some((group) => group.length === 3)).toBe(true);
  });
});
