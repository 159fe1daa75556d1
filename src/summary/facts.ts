import { createHash } from 'node:crypto';
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';
import type { Localized, Paper } from '../catalog/schema.js';
import { arxivUrl } from '../present/format.js';

/**
 * Everything the model may know about an entry, taken from the catalog alone:
 * the survey's point, the paper's bibliographic facts, the section and the
 * related entries. Nothing a user typed ever gets in here.
 */
export interface EntryFacts {
  id: string;
  kind: CatalogEntry['kind'];
  name: string;
  nameJa?: string;
  /** The survey's point (note, remarks or overview), in both languages. */
  point?: Localized;
  paper?: PaperFacts;
  section?: string;
  related: RelatedFacts[];
}

interface PaperFacts {
  title?: string;
  authors: string[];
  year?: number;
  venue?: string;
  arxiv?: string;
  url?: string;
}

interface RelatedFacts {
  name: string;
  kind: CatalogEntry['kind'];
  point?: string;
}

/** Bump when the prompt's wording changes, so cached answers from the old wording are not reused. */
export const PROMPT_VERSION = 1;

export function entryFacts(found: CatalogEntry, catalog: Catalog): EntryFacts {
  const facts: EntryFacts = { id: found.entry.id, kind: found.kind, name: nameOf(found), related: [] };
  if ('name_ja' in found.entry && found.entry.name_ja) facts.nameJa = found.entry.name_ja;
  const point = pointOf(found);
  if (point) facts.point = point;
  const paper = 'paper' in found.entry ? found.entry.paper : undefined;
  if (paper) facts.paper = paperFacts(paper);
  const section = catalog.sectionOf(found.entry.id);
  if (section && section.id !== found.entry.id) facts.section = `${section.name.en} (${section.name.ja}): ${section.overview.en}`;
  for (const id of found.entry.related) {
    const other = catalog.get(id);
    if (!other) continue;
    const otherPoint = pointOf(other);
    facts.related.push({ name: nameOf(other), kind: other.kind, ...(otherPoint ? { point: otherPoint.en } : {}) });
  }
  return facts;
}

/** The cache's "entry content hash": any edit to the entry, its section or its related entries changes it. */
export function factsHash(facts: EntryFacts): string {
  return createHash('sha256').update(JSON.stringify({ v: PROMPT_VERSION, facts })).digest('hex');
}

/** The link a summary ends with: the arXiv page, else the paper's own page. */
export function paperLink(found: CatalogEntry): string | undefined {
  const paper = 'paper' in found.entry ? found.entry.paper : undefined;
  return arxivUrl(paper) ?? paper?.url;
}

function nameOf(found: CatalogEntry): string {
  const name = found.entry.name;
  return typeof name === 'string' ? name : name.en;
}

function pointOf(found: CatalogEntry): Localized | undefined {
  switch (found.kind) {
    case 'model':
    case 'concept':
      return found.entry.note;
    case 'dataset':
      return found.entry.remarks;
    case 'topic':
      return found.entry.overview;
    case 'task':
      return undefined;
  }
}

function paperFacts(paper: Paper): PaperFacts {
  return {
    ...(paper.title ? { title: paper.title } : {}),
    authors: paper.authors,
    ...(paper.year !== undefined ? { year: paper.year } : {}),
    ...(paper.venue ? { venue: paper.venue } : {}),
    ...(paper.arxiv ? { arxiv: paper.arxiv } : {}),
    ...(paper.url ? { url: paper.url } : {}),
  };
}
