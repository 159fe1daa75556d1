import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export interface ImportEdge {
  from: string;
  to: string;
  /** `import type`, `export type`, or every name imported marked `type`. */
  typeOnly: boolean;
  /** `await import(...)`: loaded on demand, so it makes no circle at load time. */
  dynamic: boolean;
}

/** Every .ts file below `dirs` (relative to `root`), without declaration files. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return found;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative imports of each file, resolved to repository paths (`.js` specifiers name `.ts` files). */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(join(root, from), 'utf8');
    const resolve = (spec: string) => normalize(join(dirname(from), spec)).replace(/\.js$/, '.ts');
    for (const match of text.matchAll(STATIC)) {
      const names = match[3] ?? '';
      const everyNameIsType = /^\{[^}]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((name) => name.startsWith('type'));
      edges.push({ from, to: resolve(match[4] ?? ''), typeOnly: Boolean(match[2]) || everyNameIsType, dynamic: false });
    }
    for (const match of text.matchAll(DYNAMIC)) edges.push({ from, to: resolve(match[1] ?? ''), typeOnly: false, dynamic: true });
  }
  return edges.map((edge) => ({ ...edge, to: relative('.', edge.to) }));
}

/** Strongly connected groups of files (Tarjan), over the edges given. */
export function circles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return groups;
}
