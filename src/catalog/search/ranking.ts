import type { EntryKind } from '../schema.js';
import type { MatchHow, SearchDoc, SearchHit } from './types.js';

/**
 * Ranking. A hit's tier decides first; within a tier, a closer match decides.
 *
 *   tier               score band    example (query → name)
 *   exact name         [0.9, 1.0)    "detr" → DETR
 *   exact alias        [0.8, 0.9)    "coco" → MS COCO (alias COCO)
 *   prefix of a name   [0.7, 0.8)    "slowf" → SlowFast
 *   whole word         [0.6, 0.7)    "detr" → Efficient DETR; "attention" → a paper title
 *   word prefix        [0.5, 0.6)    "segmen" → Semantic Segmentation
 *   substring          [0.4, 0.5)    "nerf" → KiloNeRF; "医療" → 医療画像
 *   fuzzy, 1 typo      [0.3, 0.4)    "mobilnet" → MobileNet
 *   fuzzy, 2 typos     [0.2, 0.3)
 *   fuzzy, 3 typos     [0.1, 0.2)    only for suggest()
 *   description        (0, 0.1)      "thousands of tiny MLPs" → KiloNeRF (BM25F, text-index.ts)
 *
 * Bands never overlap, so a worse tier can never outrank a better one however
 * close it is. Inside a band the score is query length / name length — "nerf"
 * lists NeRF before KiloNeRF, "efficientnet" lists EfficientNet before
 * EfficientNet V2 — and only the name's length matters, so a stage that walks
 * names shortest first may stop once it has enough. Equal scores are ordered by
 * where the name sits in its entry's list (canonical first, then aliases in
 * catalog order): when two entries share an alias ("行動認識" is an alias of a
 * topic and of a task) the one that lists it earlier, as a main name, comes first.
 *
 * Confidence (best()) normally needs a strictly better tier. One exception,
 * for prefixes: "two-stream" is most of "Two-stream CNN" but only the opening
 * words of I3D's long "Two-Stream Inflated 3D ConvNet". When the query covers
 * at least half of one name and twice the share of any other prefix match,
 * that name is what the user is typing — see clearlyAhead().
 */
export const Tier = {
  exactName: 0,
  exactAlias: 1,
  prefix: 2,
  word: 3,
  wordPrefix: 4,
  substring: 5,
  fuzzy: 6, // + (distance - 1)
  /** Below the worst fuzzy tier (fuzzy + 2): a name match of any kind comes first. */
  text: 9,
} as const;

/** A prefix of at least this many key characters that covers at least half of a name can be a confident answer… */
const PREFIX_LEAD_MIN_LENGTH = 4;
const PREFIX_LEAD_COVERAGE = 0.5;
/** …when it covers this many times the share of the runner-up's name. */
const PREFIX_LEAD_RATIO = 2;

const HOW_BY_TIER: readonly MatchHow[] = ['exact', 'exact', 'prefix', 'word', 'word', 'substring'];

function tierScore(tier: number, closeness: number): number {
  const bandTop = 1 - tier * 0.1;
  const clamped = Math.min(1, Math.max(0, closeness));
  return Math.round((bandTop - 0.1 + 0.099 * clamped) * 1e6) / 1e6;
}

/** How close a match of `queryLength` characters is to a name of `nameLength`: 1 when as long. */
export function closeness(queryLength: number, nameLength: number): number {
  return nameLength === 0 ? 0 : Math.min(1, queryLength / nameLength);
}

/** The tier a score lies in (see the table above): 0 = exact name, 1 = exact alias, 2 = prefix, … */
export function tierOf(score: number): number {
  return Math.floor(Math.round((1 - score) * 1e6) / 1e5);
}

/** A hit plus what best() needs to judge confidence and what breaks ties. */
export interface RankedHit {
  hit: SearchHit;
  tier: number;
  /** Share of the matched text the query covers, in [0, 1]. */
  closeness: number;
  /** Where the matched name sits in its entry's names (0 = canonical); keywords count as 255. */
  position: number;
}

/**
 * Collects hits stage by stage: one per id (the best one), restricted to the
 * requested kinds. Stages run best tier first, so once `limit` ids are held a
 * later stage can only add worse hits and the caller may stop.
 */
export class HitCollector {
  private readonly byId = new Map<string, RankedHit>();
  private readonly kinds: ReadonlySet<EntryKind> | undefined;

  constructor(
    private readonly docs: readonly SearchDoc[],
    kinds: readonly EntryKind[] | undefined,
    readonly limit: number,
  ) {
    this.kinds = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  get full(): boolean {
    return this.byId.size >= this.limit;
  }

  /** Whether this doc is allowed by the kinds filter — checked before costly work. */
  wants(docIndex: number): boolean {
    return this.kinds === undefined || this.kinds.has(this.docs[docIndex]!.kind);
  }

  offer(docIndex: number, tier: number, closenessValue: number, matched: string, position: number): void {
    if (!this.wants(docIndex)) return;
    const doc = this.docs[docIndex]!;
    const score = tierScore(tier, closenessValue);
    const held = this.byId.get(doc.id);
    if (held && (held.hit.score > score || (held.hit.score === score && held.position <= position))) return;
    const how = tier === Tier.text ? 'text' : (HOW_BY_TIER[tier] ?? 'fuzzy');
    const closenessHeld = Math.min(1, Math.max(0, closenessValue));
    this.byId.set(doc.id, { hit: { id: doc.id, kind: doc.kind, score, how, matched }, tier, closeness: closenessHeld, position });
  }

  /** Best first; ties go to the earlier-listed name, then the id, so results are stable. */
  ranked(): RankedHit[] {
    return [...this.byId.values()]
      .sort((a, b) => b.hit.score - a.hit.score || a.position - b.position || (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0))
      .slice(0, this.limit);
  }
}

/**
 * Whether the best hit is clearly the one the user means rather than one of
 * several equally good answers: a strictly better tier, or — among prefixes —
 * a name the query mostly covers against names it barely starts. Prefixes of
 * one to three characters never lead this way ("pos" is half of "Post-LN",
 * but says little); `keyLength` is the query's length in key form.
 */
export function clearlyAhead(first: RankedHit, second: RankedHit, keyLength: number): boolean {
  if (first.tier !== second.tier) return first.tier < second.tier;
  return (
    first.tier === Tier.prefix &&
    keyLength >= PREFIX_LEAD_MIN_LENGTH &&
    first.closeness >= PREFIX_LEAD_COVERAGE &&
    first.closeness >= PREFIX_LEAD_RATIO * second.closeness
  );
}
