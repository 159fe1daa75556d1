import type { CommandContext } from '../core/command.js';
import type { Reply } from '../core/reply.js';
import type { Catalog } from '../catalog/catalog.js';
import type { TopicEntry } from '../catalog/schema.js';
import type { SearchHit } from '../catalog/search/index.js';
import { tierOf } from '../catalog/search/ranking.js';

/** A section, and the entry or key term that led to it when it was not the section's own name. */
export interface SectionMatch {
  section: TopicEntry;
  via?: SearchHit;
}

export type SectionLookup = SectionMatch | { choices: SectionMatch[] } | { none: true };

/** Enough candidates that every hit of the best tier is seen for any realistic query. */
const CANDIDATES = 25;

/**
 * Which section a /topic query means. A section is found by its own name,
 * by its key terms (topics.yaml `keywords`), and by everything filed in it —
 * models, datasets, concepts, and tasks through their datasets — so "ViT",
 * "NAS" or "画像翻訳" open the section that covers them.
 *
 * Only the best tier of matches counts. If those all sit in one section, that
 * is the answer; otherwise the section matched by its own name or key terms,
 * else the one holding most of the best matches; a true tie is a choice.
 */
export function findSection(catalog: Catalog, query: string): SectionLookup {
  const byNumber = /^\d{1,2}$/.test(query) ? catalog.topics.find((topic) => topic.order === Number(query)) : undefined;
  if (byNumber) return { section: byNumber };

  const placed = catalog.search
    .search(query, { limit: CANDIDATES })
    .map((hit) => ({ hit, section: catalog.sectionOf(hit.id) }))
    .filter((candidate): candidate is { hit: SearchHit; section: TopicEntry } => candidate.section !== undefined);
  const [first] = placed;
  if (!first) return { none: true };

  const bestTier = tierOf(first.hit.score);
  const groups = new Map<string, { section: TopicEntry; hits: SearchHit[] }>();
  for (const { hit, section } of placed) {
    if (tierOf(hit.score) !== bestTier) break; // hits arrive best first
    const group = groups.get(section.id) ?? { section, hits: [] };
    group.hits.push(hit);
    groups.set(section.id, group);
  }
  const candidates = [...groups.values()];
  const chosen =
    only(candidates) ??
    only(candidates.filter((group) => group.hits.some((hit) => hit.id === group.section.id))) ??
    only(withMostHits(candidates));
  const all = placed.map(({ hit }) => hit);
  if (chosen) return matchOf(chosen.section, chosen.hits, all);
  return { choices: candidates.map((group) => matchOf(group.section, group.hits, all)) };
}

/** "Several sections match": each with the command that opens it and what matched there. */
export function sectionChoicesReply(query: string, choices: readonly SectionMatch[], { t, lang, catalog }: Pick<CommandContext, 't' | 'lang' | 'catalog'>): Reply {
  return {
    kind: 'list',
    ephemeral: true,
    title: t('topic.ambiguous', { query }),
    fields: choices.map(({ section, via }) => ({
      name: `${section.order}. ${section.name[lang]}`,
      value: [`/topic ${section.order}`, via ? t('topic.choiceVia', { names: viaName(via, catalog, lang) }) : ''].filter(Boolean).join(' — '),
    })),
  };
}

/** What to call the match that led to a section: an entry by its display name, a key term as written. */
export function viaName(hit: SearchHit, catalog: Catalog, lang: CommandContext['lang']): string {
  return hit.kind === 'topic' ? hit.matched : catalog.displayName(hit.id, lang);
}

/** `best`: the section's hits in the best tier; `all`: every hit, to see whether the section's own name matched at all. */
function matchOf(section: TopicEntry, best: readonly SearchHit[], all: readonly SearchHit[]): SectionMatch {
  // Found by its own name or alias ("nerf" is both a model and the section's alias): nothing to explain.
  if (all.some((hit) => hit.id === section.id && isOwnName(section, hit.matched))) return { section };
  const via = best[0];
  return via ? { section, via } : { section };
}

function isOwnName(section: TopicEntry, matched: string): boolean {
  return [section.name.en, section.name.ja, ...section.aliases].includes(matched);
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function withMostHits<T extends { hits: readonly unknown[] }>(groups: readonly T[]): T[] {
  const most = Math.max(0, ...groups.map((group) => group.hits.length));
  return groups.filter((group) => group.hits.length === most);
}
