import type { CommandContext } from '../core/command.js';
import type { Reply, ReplyField, ReplyLink } from '../core/reply.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { ConceptEntry, DatasetEntry, ModelEntry, Paper } from '../catalog/schema.js';
import { arxivUrl, formatAuthors, formatPaperLine, formatSize } from './format.js';
import { topicReply } from './topic.js';
import { taskDatasetsReply } from './dataset-list.js';

type Context = Pick<CommandContext, 'lang' | 't' | 'catalog' | 'page'>;

/** The full card for one catalog entry, whatever its kind. */
export function entryReply(found: CatalogEntry, context: Context): Reply {
  switch (found.kind) {
    case 'model':
      return modelReply(found.entry, context);
    case 'dataset':
      return datasetReply(found.entry, context);
    case 'concept':
      return conceptReply(found.entry, context);
    case 'topic':
      return topicReply(found.entry, context);
    case 'task':
      return taskDatasetsReply(found.entry, context, found.entry.name[context.lang]);
  }
}

/** Japanese readers see the Japanese name first, with the original beside it. */
function titleOf(entry: { name: string; name_ja?: string | undefined }, lang: Context['lang']): string {
  return lang === 'ja' && entry.name_ja ? `${entry.name_ja} (${entry.name})` : entry.name;
}

function modelReply(entry: ModelEntry, context: Context): Reply {
  const { t, lang } = context;
  return {
    kind: 'model',
    title: titleOf(entry, lang),
    ...urlOf(entry.paper),
    text: entry.note[lang],
    fields: [...paperFields(entry.paper, context), ...commonFields(entry, context)],
    links: paperLinks(entry.paper, context),
    footer: t('footer.source', { topic: context.catalog.displayName(entry.topic, lang) }),
  };
}

function datasetReply(entry: DatasetEntry, context: Context): Reply {
  const { t, lang, catalog } = context;
  const fields: ReplyField[] = [];
  if (entry.full_name && entry.full_name !== entry.name) fields.push({ name: t('field.fullName'), value: entry.full_name });
  fields.push({ name: t('field.tasks'), value: entry.tasks.map((id) => catalog.displayName(id, lang)).join(', '), inline: true });
  const size = formatSize(entry, lang, t);
  if (size) fields.push({ name: t('field.size'), value: size, inline: true });
  if (entry.year !== undefined) fields.push({ name: t('field.year'), value: String(entry.year), inline: true });
  for (const figure of entry.figures) {
    const label = [catalog.displayName(figure.task, lang), figure.version].filter(Boolean).join(' · ');
    const value = formatSize(figure, lang, t);
    if (value) fields.push({ name: label, value, inline: true });
  }
  if (entry.size_note) fields.push({ name: t('field.sizeNote'), value: entry.size_note[lang] });
  if (entry.paper) fields.push(...paperFields(entry.paper, context, false));
  fields.push(...commonFields(entry, context));
  return {
    kind: 'dataset',
    title: entry.full_name && entry.full_name !== entry.name ? `${entry.name} — ${entry.full_name}` : entry.name,
    ...urlOf(entry.paper),
    text: entry.remarks[lang],
    fields,
    links: paperLinks(entry.paper, context),
    footer: t('footer.source', { topic: catalog.displayName(entry.topic, lang) }),
  };
}

function conceptReply(entry: ConceptEntry, context: Context): Reply {
  const { t, lang } = context;
  return {
    kind: 'concept',
    title: titleOf(entry, lang),
    ...urlOf(entry.paper),
    text: entry.note[lang],
    fields: [...(entry.paper ? paperFields(entry.paper, context) : []), ...commonFields(entry, context)],
    links: paperLinks(entry.paper, context),
    footer: t('footer.source', { topic: context.catalog.displayName(entry.topic, lang) }),
  };
}

function paperFields(paper: Paper, { t }: Context, detailed = true): ReplyField[] {
  if (!detailed) {
    const line = formatPaperLine(paper, t);
    return line ? [{ name: t('field.paper'), value: line }] : [];
  }
  const fields: ReplyField[] = [];
  if (paper.title) fields.push({ name: t('field.paper'), value: paper.title });
  if (paper.authors.length > 0) fields.push({ name: t('field.authors'), value: formatAuthors(paper.authors, t) });
  if (paper.year !== undefined) fields.push({ name: t('field.year'), value: String(paper.year), inline: true });
  if (paper.venue) fields.push({ name: t('field.venue'), value: paper.venue, inline: true });
  if (paper.arxiv) fields.push({ name: t('field.arxiv'), value: paper.arxiv, inline: true });
  return fields;
}

function commonFields(
  entry: { topic: string; aliases: string[]; related: string[]; survey_version?: Record<string, string> | undefined },
  { t, lang, catalog }: Context,
): ReplyField[] {
  const fields: ReplyField[] = [{ name: t('field.topic'), value: catalog.displayName(entry.topic, lang), inline: true }];
  if (entry.related.length > 0) {
    fields.push({ name: t('field.related'), value: entry.related.map((id) => catalog.displayName(id, lang)).join(', ') });
  }
  if (entry.survey_version) {
    const lines = Object.entries(entry.survey_version).map(([field, text]) => `${surveyFieldLabel(field, { t, lang, catalog })}: ${text}`);
    fields.push({ name: t('field.surveyWrote'), value: lines.join('\n') });
  }
  return fields;
}

/** survey_version keys name catalog fields ("title", "figures.object-detection"); readers get words. */
function surveyFieldLabel(key: string, { t, lang, catalog }: Pick<Context, 't' | 'lang' | 'catalog'>): string {
  const figure = /^figures\.(.+)$/.exec(key);
  if (figure?.[1]) return catalog.displayName(figure[1], lang);
  const labels: Record<string, string> = {
    title: t('field.paper'),
    name: t('field.name'),
    method: t('field.method'),
    scale: t('field.scale'),
    classes: t('field.classes'),
    size_note: t('field.size'),
    authors: t('field.authors'),
    venue: t('field.venue'),
    year: t('field.year'),
  };
  return labels[key] ?? key;
}

function urlOf(paper: Paper | undefined): { url?: string } {
  const url = arxivUrl(paper) ?? paper?.url;
  return url ? { url } : {};
}

function paperLinks(paper: Paper | undefined, { t }: Context): ReplyLink[] {
  const links: ReplyLink[] = [];
  const arxiv = arxivUrl(paper);
  if (arxiv) links.push({ label: t('link.arxiv'), url: arxiv });
  if (paper?.url && paper.url !== arxiv) links.push({ label: t('link.paper'), url: paper.url });
  return links;
}
