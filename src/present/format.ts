import type { Lang, Translate } from '../i18n/index.js';
import { translateDynamic } from '../i18n/index.js';
import type { Paper, ItemUnit } from '../catalog/schema.js';

const MAX_LISTED_AUTHORS = 3;

/**
 * Built once per language, on first use: constructing an Intl.NumberFormat costs far more
 * than using one, and the first one loads ICU's locale data (≈0.1 s), which a start-up
 * should not pay before anything is formatted.
 */
const NUMBER_FORMATS: Partial<Record<Lang, Intl.NumberFormat>> = {};

export function formatNumber(value: number, lang: Lang): string {
  const format = (NUMBER_FORMATS[lang] ??= new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US'));
  return format.format(value);
}

/** "A, B, C et al." past three authors; empty when no author is known. */
export function formatAuthors(authors: readonly string[], t: Translate): string {
  if (authors.length <= MAX_LISTED_AUTHORS) return authors.join(', ');
  return t('authors.etAl', { names: authors.slice(0, MAX_LISTED_AUTHORS).join(', ') });
}

export function arxivUrl(paper: Paper | undefined): string | undefined {
  return paper?.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : undefined;
}

/** "150 classes · 25,574 images", leaving out whatever is unknown. */
export function formatSize(
  figures: { classes?: number | undefined; items?: number | undefined; items_unit?: ItemUnit | undefined },
  lang: Lang,
  t: Translate,
): string {
  const parts: string[] = [];
  if (figures.classes !== undefined) parts.push(t('size.classes', { count: formatNumber(figures.classes, lang) }));
  if (figures.items !== undefined) {
    const unit = figures.items_unit ? translateDynamic(lang, `unit.${figures.items_unit}`) : '';
    parts.push(t('size.items', { count: formatNumber(figures.items, lang), unit }).trim());
  }
  return parts.join(' · ');
}

/** One line for a paper: title — authors (venue). */
export function formatPaperLine(paper: Paper, t: Translate): string {
  const authors = formatAuthors(paper.authors, t);
  const venue = paper.venue ?? (paper.year !== undefined ? String(paper.year) : '');
  return [paper.title, authors, venue].filter(Boolean).join(' — ');
}
