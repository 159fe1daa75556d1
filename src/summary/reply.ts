import type { CatalogEntry } from '../catalog/catalog.js';
import type { CommandContext } from '../core/command.js';
import type { Reply } from '../core/reply.js';
import type { Lang } from '../i18n/index.js';
import { paperLink } from './facts.js';
import type { SummaryOutcome } from './service.js';

type Context = Pick<CommandContext, 't' | 'catalog'>;

/**
 * A summary, or the catalog's own note with the one-line reason there is
 * none. The paper link and the machine-written line are ours, added after
 * the model's text, never taken from it.
 */
export function summaryReply(found: CatalogEntry, outcome: SummaryOutcome, lang: Lang, context: Context & { zone: string }): Reply {
  const { t } = context;
  const name = context.catalog.displayName(found.entry.id, lang);
  const link = paperLink(found);
  const linkLine = link ? t('summary.paper', { url: link }) : t('summary.noPaper');
  if (outcome.kind === 'summary') {
    return {
      kind: 'summary',
      title: t('summary.title', { name }),
      ...(link ? { url: link } : {}),
      // The link lives in the text (and on the title), not in `links`, so every front end shows it exactly once, at the end.
      text: [outcome.text, '', linkLine, t('summary.machineWritten', { model: outcome.model })].join('\n'),
    };
  }
  const reason =
    outcome.reason === 'cooldown'
      ? t('summary.reason.cooldown', { seconds: outcome.waitSeconds ?? 1 })
      : outcome.reason === 'budget'
        ? t('summary.reason.budget', { zone: context.zone })
        : t(`summary.reason.${outcome.reason}`);
  return {
    kind: 'summary',
    title: t('summary.noteTitle', { name }),
    ...(link ? { url: link } : {}),
    text: [catalogNote(found, lang, context), '', linkLine, reason].join('\n'),
    // A cooldown concerns the asker alone; the other fallbacks are still a useful note for everyone.
    ...(outcome.reason === 'cooldown' ? { ephemeral: true } : {}),
  };
}

/** The catalog's own words for the entry, in the reader's language. */
export function catalogNote(found: CatalogEntry, lang: Lang, { t, catalog }: Context): string {
  switch (found.kind) {
    case 'model':
    case 'concept':
      return found.entry.note[lang];
    case 'dataset':
      return found.entry.remarks[lang];
    case 'topic':
      return found.entry.overview[lang];
    case 'task': {
      const datasets = catalog.datasetsForTask(found.entry.id).map((d) => d.name);
      return t('summary.taskNote', { name: found.entry.name[lang], datasets: datasets.join(', ') || '—' });
    }
  }
}

