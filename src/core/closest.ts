/**
 * The few names closest to what someone typed, for "did you mean" on small
 * fixed lists (command names, option names). The catalog has its own index.
 */
export function closestNames(input: string, names: readonly string[], limit = 3): string[] {
  const typed = input.toLowerCase().replace(/^\//, '');
  if (typed === '') return [];
  return names
    .map((name) => ({ name, cost: name.startsWith(typed) ? 0 : editDistance(typed, name) }))
    .filter(({ name, cost }) => cost <= Math.max(1, Math.floor(name.length / 3)))
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}

/** Plain Levenshtein distance; the lists here are tiny, so no early exit is needed. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
