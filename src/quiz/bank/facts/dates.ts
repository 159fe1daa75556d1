import type { Catalog } from '../../../catalog/catalog.js';
import type { Bilingual } from '../../question.js';
import { foldText } from '../text.js';
import { arxivYear, authorsOf, isPreprint, nameOf, same, yearsIn } from './entries.js';
import { citation, paperBacked, type PaperBacked } from './papers.js';
import { factId, pickDistractors, type Candidate, type FactDraft } from './pick.js';

/**
 * "In which year…?" and "Where was … published?". A paper has more than one
 * defensible year — its arXiv posting, its proceedings, a dataset's release —
 * so every year the catalog records for the entry is kept out of the wrong
 * choices, and wrong years never lie after the newest year in the catalog
 * (a future year would give itself away). An arXiv preprint is never a wrong
 * venue: nearly every paper here was one.
 */

export function dateQuestions(catalog: Catalog): FactDraft[] {
  const all = paperBacked(catalog);
  const newest = Math.max(...all.flatMap((item) => [item.paper.year ?? 0, item.kind === 'dataset' && 'year' in item.entry ? (item.entry.year ?? 0) : 0]));
  return [...all.flatMap((item) => yearQuestion(catalog, item, newest)), ...all.flatMap((item) => venueQuestion(catalog, item, all))];
}

function yearQuestion(catalog: Catalog, item: PaperBacked, newest: number): FactDraft[] {
  const released = item.kind === 'dataset' && 'tasks' in item.entry ? item.entry.year : undefined;
  const year = item.kind === 'dataset' ? released : item.paper.year;
  if (year === undefined) return [];
  const posted = arxivYear(item.paper);
  const defensible = new Set([year, item.paper.year, posted, ...yearsIn(item.paper.venue)].filter((y): y is number => y !== undefined));
  const candidates: Candidate[] = [];
  for (let y = year - 4; y <= Math.min(year + 4, newest); y++) {
    if (!defensible.has(y)) candidates.push({ key: String(y), label: yearLabel(y), rank: Math.abs(y - year) <= 2 ? 0 : 1 });
  }
  const id = factId('year', item.entry.id);
  const distractors = pickDistractors(id, yearLabel(year), candidates);
  if (!distractors) return [];
  const name = nameOf(catalog, item.entry.id);
  const cite = citation(item.paper);
  const title = item.paper.title;
  const arxivNote: Bilingual =
    posted !== undefined && posted !== year ? { ja: `arXiv での初出は${posted}年。`, en: ` It first appeared on arXiv in ${posted}.` } : { ja: '', en: '' };
  const explanation: Bilingual =
    item.kind === 'model'
      ? { ja: `${name.ja}は${year}年の論文「${title}」${cite.ja}で提案された。${arxivNote.ja}`, en: `${name.en} was introduced in ${year}, in “${title}”${cite.en}.${arxivNote.en}` }
      : {
          ja: `データセット ${name.ja} は${year}年に公開された。論文は「${title}」${cite.ja}。${arxivNote.ja}`,
          en: `The ${name.en} dataset was released in ${year}. Its paper is “${title}”${cite.en}.${arxivNote.en}`,
        };
  return [
    {
      template: 'year',
      source: item.entry.id,
      difficulty: 'hard',
      question:
        item.kind === 'model'
          ? { ja: `${name.ja}の論文が発表されたのは何年？`, en: `In which year was ${name.en} published?` }
          : { ja: `データセット ${name.ja} が公開されたのは何年？`, en: `In which year was the ${name.en} dataset released?` },
      answer: yearLabel(year),
      distractors,
      explanation,
    },
  ];
}

function yearLabel(year: number): Bilingual {
  return { ja: `${year}年`, en: String(year) };
}

function venueQuestion(catalog: Catalog, item: PaperBacked, all: readonly PaperBacked[]): FactDraft[] {
  const venue = item.paper.venue;
  if (!venue || isPreprint(venue)) return [];
  const answerYear = yearsIn(venue)[0] ?? item.paper.year;
  const seen = new Set([foldText(venue)]);
  const candidates: Candidate[] = [];
  for (const other of all) {
    const text = other.paper.venue;
    if (!text || isPreprint(text) || seen.has(foldText(text))) continue;
    seen.add(foldText(text));
    // Venues of the same year first, so the year printed in a venue does not give the answer away.
    const otherYear = yearsIn(text)[0];
    const rank = answerYear !== undefined && otherYear !== undefined ? Math.min(Math.abs(otherYear - answerYear), 5) : 5;
    candidates.push({ key: foldText(text), label: same(text), rank });
  }
  const id = factId('venue', item.entry.id);
  const distractors = pickDistractors(id, same(venue), candidates);
  if (!distractors) return [];
  const name = nameOf(catalog, item.entry.id);
  const by = authorsOf(item.paper);
  const title = item.paper.title;
  return [
    {
      template: 'venue',
      source: item.entry.id,
      difficulty: 'hard',
      question:
        item.kind === 'model'
          ? { ja: `${name.ja}の論文が発表された学会・論文誌はどれ？`, en: `Where was the ${name.en} paper published?` }
          : { ja: `データセット ${name.ja} の論文が発表された学会・論文誌はどれ？`, en: `Where was the paper presenting the ${name.en} dataset published?` },
      answer: same(venue),
      distractors,
      explanation: {
        ja: `${name.ja}の論文「${title}」${by ? `（${by.ja}）` : ''}は${venue}で発表された。`,
        en: `The ${name.en} paper, “${title}”${by ? ` by ${by.en}` : ''}, was published at ${venue}.`,
      },
    },
  ];
}
