import type { Catalog } from '../../../catalog/catalog.js';
import type { ConceptEntry, DatasetEntry, ModelEntry, Paper, TaskEntry, TopicEntry } from '../../../catalog/schema.js';
import type { Bilingual } from '../../question.js';
import { foldText } from '../text.js';

/** Small readings of catalog facts shared by the fact templates. */

export type NamedEntry = ModelEntry | DatasetEntry | ConceptEntry;

/** The entry's name as each language's reader sees it in lists. */
export function nameOf(catalog: Catalog, id: string): Bilingual {
  return { ja: catalog.displayName(id, 'ja'), en: catalog.displayName(id, 'en') };
}

/** Every way the entry is called (name, Japanese name, aliases), folded. */
export function namesOf(entry: NamedEntry | TopicEntry | TaskEntry): Set<string> {
  const names = typeof entry.name === 'string' ? [entry.name, ...('name_ja' in entry && entry.name_ja ? [entry.name_ja] : [])] : [entry.name.ja, entry.name.en];
  return new Set([...names, ...entry.aliases].map(foldText));
}

export function sharesName(a: Set<string>, b: Set<string>): boolean {
  for (const name of a) if (b.has(name)) return true;
  return false;
}

/** "arXiv preprint (…)": not a venue a paper was accepted at, and true of nearly every paper here. */
export function isPreprint(venue: string): boolean {
  return /^arxiv\b/i.test(venue.trim());
}

/** The year the paper first appeared on arXiv (its id starts with YYMM). */
export function arxivYear(paper: Paper | undefined): number | undefined {
  return paper?.arxiv ? 2000 + Number(paper.arxiv.slice(0, 2)) : undefined;
}

/** Four-digit years written inside a venue ("CVPR 2020", "WMT 2014 (ACL 2014 workshop)"). */
export function yearsIn(text: string | undefined): number[] {
  return [...(text ?? '').matchAll(/\b(19|20)\d\d\b/g)].map((match) => Number(match[0]));
}

/**
 * Whether `text` names `name` as a word: "NeRF" is in "NeRF (a field…)" but
 * not in "KiloNeRF". A trailing plural "s" still counts ("Transformers").
 * Japanese text has no spaces, so only Latin letters and digits count as word
 * characters around the name.
 */
export function mentions(text: string, name: string): boolean {
  return mentionsFolded(foldText(text), foldText(name));
}

/** `mentions` for text and name already passed through foldText (for loops over many names). */
export function mentionsFolded(folded: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let from = folded.indexOf(needle);
  while (from !== -1) {
    const before = folded[from - 1] ?? ' ';
    const after = folded.slice(from + needle.length).replace(/^s/, '')[0] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = folded.indexOf(needle, from + 1);
  }
  return false;
}

/** 21841 → "21,841" without relying on the ICU data the Node build happens to carry. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "Christoph Feichtenhofer" or "Du Tran et al." / "Du Tran ら"; undefined when no author is recorded. */
export function authorsOf(paper: Paper): Bilingual | undefined {
  const first = paper.authors[0];
  if (!first) return undefined;
  return paper.authors.length === 1 ? { ja: first, en: first } : { ja: `${first} ら`, en: `${first} et al.` };
}

export function same(text: string): Bilingual {
  return { ja: text, en: text };
}

/** The id of the task at the top of `id`'s branch of the taxonomy (semantic-segmentation → segmentation). */
export function rootTask(catalog: Catalog, id: string): string {
  let current = id;
  for (let guard = 0; guard < 32; guard++) {
    const parent = catalog.task(current)?.parent;
    if (!parent) return current;
    current = parent;
  }
  return current;
}

/**
 * The tasks a reader could mistake for `id`: its whole branch (segmentation
 * with semantic and instance segmentation), plus any task sharing a name or
 * alias with the branch (3D objects and 3D scenes are both "3D", "point cloud").
 * A dataset filed under any of them must not be a distractor for `id`.
 */
export function confusableTasks(catalog: Catalog, id: string): ReadonlySet<string> {
  let cache = confusableCache.get(catalog);
  if (!cache) confusableCache.set(catalog, (cache = new Map()));
  let found = cache.get(id);
  if (!found) cache.set(id, (found = computeConfusable(catalog, id)));
  return found;
}

/** The taxonomy is small but asked about once per dataset and task; a catalog never changes once loaded. */
const confusableCache = new WeakMap<Catalog, Map<string, ReadonlySet<string>>>();

function computeConfusable(catalog: Catalog, id: string): ReadonlySet<string> {
  const branch = catalog.taskFamily(rootTask(catalog, id));
  const branchNames = new Set<string>();
  for (const taskId of branch) {
    const task = catalog.task(taskId);
    if (task) for (const name of namesOf(task)) branchNames.add(name);
  }
  const result = new Set(branch);
  for (const task of catalog.tasks) {
    if (sharesName(namesOf(task), branchNames)) for (const member of catalog.taskFamily(rootTask(catalog, task.id))) result.add(member);
  }
  return result;
}
