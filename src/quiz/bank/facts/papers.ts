import type { Catalog } from '../../../catalog/catalog.js';
import type { DatasetEntry, ModelEntry, Paper } from '../../../catalog/schema.js';
import type { Bilingual } from '../../question.js';
import { foldText } from '../text.js';
import { authorsOf, mentions, nameOf, namesOf, same, sharesName, yearsIn } from './entries.js';
import { factId, pickDistractors, type FactDraft } from './pick.js';

/**
 * "Which paper introduced X?" (choices: titles) and "Which model or method was
 * introduced in “T”?" (choices: names), for models and datasets whose paper
 * title is recorded. Concepts are left out: their paper is sometimes an
 * overview rather than the one that introduced the idea.
 */

export interface PaperBacked {
  kind: 'model' | 'dataset';
  entry: ModelEntry | DatasetEntry;
  paper: Paper & { title: string };
}

export function paperBacked(catalog: Catalog): PaperBacked[] {
  const all: PaperBacked[] = [];
  for (const entry of catalog.models) if (entry.paper.title) all.push({ kind: 'model', entry, paper: { ...entry.paper, title: entry.paper.title } });
  for (const entry of catalog.datasets) if (entry.paper?.title) all.push({ kind: 'dataset', entry, paper: { ...entry.paper, title: entry.paper.title } });
  return all;
}

/** "（CVPR 2020）" / " (CVPR 2020)": venue and year as far as they are known. */
export function citation(paper: Paper): Bilingual {
  const venue = paper.venue && paper.year !== undefined && !yearsIn(paper.venue).includes(paper.year) ? `${paper.venue}, ${paper.year}` : paper.venue;
  if (venue) return { ja: `（${venue}）`, en: ` (${venue})` };
  if (paper.year !== undefined) return { ja: `（${paper.year}年）`, en: ` (${paper.year})` };
  return { ja: '', en: '' };
}

/** "X was introduced in “T” by A (CVPR 2020)." plus the survey's own spelling where it differs. */
export function introducedIn(catalog: Catalog, item: PaperBacked): Bilingual {
  const name = nameOf(catalog, item.entry.id);
  const by = authorsOf(item.paper);
  const cite = citation(item.paper);
  const ja =
    item.kind === 'model'
      ? `${name.ja}は、${by ? `${by.ja}による` : ''}論文「${item.paper.title}」${cite.ja}で提案された。`
      : `データセット ${name.ja} は、${by ? `${by.ja}による` : ''}論文「${item.paper.title}」${cite.ja}で発表された。`;
  const en =
    item.kind === 'model'
      ? `${name.en} was introduced in “${item.paper.title}”${by ? ` by ${by.en}` : ''}${cite.en}.`
      : `The ${name.en} dataset was presented in “${item.paper.title}”${by ? ` by ${by.en}` : ''}${cite.en}.`;
  const surveyTitle = item.entry.survey_version?.['title'];
  if (!surveyTitle) return { ja, en };
  return { ja: `${ja}サーベイでは「${surveyTitle}」と表記されている。`, en: `${en} The survey spells it “${surveyTitle}”.` };
}

/** An entry named after its own paper (a survey, "Non-local Neural Networks") makes both templates trivial. */
function namedAfterPaper(item: PaperBacked): boolean {
  return foldText(item.entry.name) === foldText(item.paper.title);
}

export function paperQuestions(catalog: Catalog): FactDraft[] {
  const all = paperBacked(catalog);
  const namesById = new Map(all.map((item) => [item.entry.id, namesOf(item.entry)]));
  const foldedTitles = new Map(all.map((item) => [item, foldText(item.paper.title)]));
  const drafts: FactDraft[] = [];
  for (const item of all) {
    if (namedAfterPaper(item)) continue;
    const names = namesById.get(item.entry.id)!;
    const title = foldedTitles.get(item);
    // Another entry of the same kind with the same paper or a shared name would answer too.
    const rivals = all.filter(
      (other) => other.kind === item.kind && other.entry.id !== item.entry.id && foldedTitles.get(other) !== title && !sharesName(namesById.get(other.entry.id)!, names),
    );
    const name = nameOf(catalog, item.entry.id);
    const easy = mentions(item.paper.title, item.entry.name);
    const paperId = factId('paper', item.entry.id);
    const titles = pickDistractors(
      paperId,
      same(item.paper.title),
      rivals.map((other) => ({ key: other.entry.id, label: same(other.paper.title), rank: other.entry.topic === item.entry.topic ? 0 : 1 })),
    );
    if (titles) {
      drafts.push({
        template: 'paper',
        source: item.entry.id,
        difficulty: easy ? 'easy' : 'medium',
        question:
          item.kind === 'model'
            ? { ja: `${name.ja}を提案した論文はどれ？`, en: `Which paper introduced ${name.en}?` }
            : { ja: `データセット ${name.ja} を発表した論文はどれ？`, en: `Which paper presented the ${name.en} dataset?` },
        answer: same(item.paper.title),
        distractors: titles,
        explanation: introducedIn(catalog, item),
      });
    }
    // The reverse question needs the title to belong to this entry alone.
    if (item.kind !== 'model' || all.some((other) => other !== item && foldedTitles.get(other) === title)) continue;
    const modelRivals = rivals.filter((other) => !namedAfterPaper(other));
    const modelId = factId('model-of-paper', item.entry.id);
    const models = pickDistractors(
      modelId,
      name,
      modelRivals.map((other) => ({ key: other.entry.id, label: nameOf(catalog, other.entry.id), rank: other.entry.topic === item.entry.topic ? 0 : 1 })),
    );
    if (!models) continue;
    drafts.push({
      template: 'model-of-paper',
      source: item.entry.id,
      difficulty: easy ? 'easy' : 'medium',
      question: { ja: `論文「${item.paper.title}」で提案されたモデル・手法はどれ？`, en: `Which model or method was introduced in “${item.paper.title}”?` },
      answer: name,
      distractors: models,
      explanation: introducedIn(catalog, item),
    });
  }
  return drafts;
}
