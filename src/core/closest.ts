import { boundedDistance } from '../catalog/search/distance.js';

/**
 * The few names closest to what someone typed, for "did you mean" on small
 * fixed lists (command names, time-zone cities). The catalog has its own index.
 */
export function closestNames(input: string, names: readonly string[], limit = 3): string[] {
  const typed = input.toLowerCase().replace(/^\//, '');
  if (typed === '') return [];
  return names
    .map((name) => {
      const bound = Math.max(1, Math.floor(name.length / 3));
      return { name, bound, cost: name.startsWith(typed) ? 0 : boundedDistance(typed, name.toLowerCase(), bound) };
    })
    .filter(({ cost, bound }) => cost <= bound)
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}
