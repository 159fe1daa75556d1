import type { Catalog } from '../catalog/catalog.js';
import { UserError } from '../core/errors.js';
import type { Lang } from '../i18n/index.js';
import { lookup } from '../present/lookup.js';
import { notFound } from '../present/suggest.js';

const ARXIV = /^(?:arxiv:|(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$/i;

/** A paper as stored: a catalog id, or `arxiv:<id>` for a paper outside the catalog. */
export type PaperRef = string;

/**
 * `paper:` is an arXiv id (2004.04730, arxiv:2004.04730 or its abs URL) or a
 * catalog entry found by the same search as /model; an unknown name is
 * refused with the catalog's "did you mean", and several matches too.
 */
export function resolvePaper(text: string, catalog: Catalog, lang: Lang, command = 'reading add'): PaperRef {
  const query = text.trim();
  const arxiv = ARXIV.exec(query);
  if (arxiv) return `arxiv:${arxiv[1]}`;
  const result = lookup(catalog, query, ['model', 'dataset', 'concept']);
  if ('one' in result) return result.one.id;
  if ('many' in result) {
    const names = result.many.slice(0, 5).map((hit) => catalog.displayName(hit.id, lang));
    throw new UserError('error.reading.ambiguousPaper', { query: query.slice(0, 80) }, names);
  }
  throw notFound(command, query.slice(0, 80), catalog, lang);
}

export interface PaperView {
  name: string;
  url?: string;
}

/** The catalog entry with this arXiv id, if there is one (a nomination by id names the entry). */
export function catalogEntryFor(ref: PaperRef, catalog: Catalog): PaperRef {
  if (!ref.startsWith('arxiv:')) return ref;
  const id = ref.slice('arxiv:'.length);
  const entry = [...catalog.models, ...catalog.datasets, ...catalog.concepts].find((e) => ('paper' in e ? (e.paper as { arxiv?: string } | undefined)?.arxiv === id : false));
  return entry?.id ?? ref;
}

/** The paper's name and link (arXiv abs page, else the entry's official page). */
export function paperView(ref: PaperRef, catalog: Catalog, lang: Lang): PaperView {
  if (ref.startsWith('arxiv:')) {
    const id = ref.slice('arxiv:'.length);
    return { name: `arXiv:${id}`, url: `https://arxiv.org/abs/${id}` };
  }
  const found = catalog.get(ref);
  if (!found) return { name: ref };
  const name = catalog.displayName(ref, lang);
  const paper = 'paper' in found.entry ? (found.entry.paper as { arxiv?: string; url?: string } | undefined) : undefined;
  const url = paper?.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : paper?.url;
  return { name, ...(url ? { url } : {}) };
}
