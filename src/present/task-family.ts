import type { Catalog } from '../catalog/catalog.js';
import type { TaskEntry } from '../catalog/schema.js';
import type { SearchHit } from '../catalog/search/index.js';
import { tierOf } from '../catalog/search/ranking.js';

/**
 * The family of tasks an ambiguous /dataset query names, if it names one:
 * every hit in the best tier is a task ("3d" is an alias of both 3D objects
 * and 3D scenes; so is "point cloud"), so the user asked for all of them
 * rather than for one dataset. Empty when a dataset ties with them, or when
 * fewer than two tasks remain — the caller then lets the user pick.
 * A task already covered by its parent in the family is left out.
 */
export function taskFamilyNamed(catalog: Catalog, hits: readonly SearchHit[]): TaskEntry[] {
  const [first] = hits;
  if (!first) return [];
  const bestTier = tierOf(first.score);
  const leading = hits.filter((hit) => tierOf(hit.score) === bestTier);
  if (leading.some((hit) => hit.kind !== 'task')) return [];
  const ids = new Set(leading.map((hit) => hit.id));
  const tasks = catalog.tasks.filter((task) => ids.has(task.id) && !hasAncestorIn(catalog, task, ids));
  return tasks.length >= 2 ? tasks : [];
}

function hasAncestorIn(catalog: Catalog, task: TaskEntry, ids: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  for (let parent = task.parent; parent && !seen.has(parent); parent = catalog.task(parent)?.parent) {
    if (ids.has(parent)) return true;
    seen.add(parent);
  }
  return false;
}
