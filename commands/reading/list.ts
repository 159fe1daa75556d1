import type { Subcommand } from '../../src/core/command.js';
import { pageButtons, pageSlice } from '../../src/core/paging.js';
import { UserError } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/reply.js';
import { personLabel } from '../../src/reading/people.js';
import { formatWhen } from '../../src/reading/time/when.js';
import type { ReadingServices } from '../../src/reading/feature.js';

const PER_PAGE = 8;

/**
 * /reading list: the channel's sessions, each with its next meeting and RSVP
 * counts, soonest first, in pages of eight, turned with buttons (the paging
 * id carries the verb: `p2:reading.list:2:en:`) or typed with `page:N`.
 */
export const list: Subcommand<ReadingServices> = {
  name: 'list',
  description: 'cmd.reading.list.description',
  example: 'cmd.reading.list.example',
  // The page stays an option (Discord has no typed `page:N`); a paging button sets the context's page instead.
  options: [{ name: 'page', type: 'string', description: 'cmd.page', maxLength: 4 }],
  execute(options, { reading, place, t, lang, page: pressed }): Reply {
    const page = options.page === undefined ? pressed : pageOption(options.page);
    const views = reading.list(place);
    if (views.length === 0) return { kind: 'reading', text: t('reading.list.empty') };
    const slice = pageSlice(views, page, PER_PAGE);
    return {
      kind: 'reading',
      title: t('reading.list.title', { count: views.length }),
      fields: slice.items.map((view) => ({
        name: `#${view.session.id} ${view.session.title}`,
        value: [
          formatWhen(view.startsAt, view.session.zone, lang),
          ...(view.presenter ? [t('reading.list.presenter', { name: personLabel(view.presenter) })] : []),
          t('reading.rsvp.counts', { going: view.counts.going, maybe: view.counts.maybe, no: view.counts.no }),
        ].join('\n'),
        times: [view.startsAt.toISOString()],
      })),
      buttons: pageButtons({ command: 'reading', subcommand: 'list', query: '' }, slice, t, lang),
      ...(slice.pages > 1 ? { footer: t('reading.list.page', { page: slice.page, pages: slice.pages, next: slice.page < slice.pages ? slice.page + 1 : 1 }) } : {}),
    };
  },
};

function pageOption(value: unknown): number {
  const text = String(value).trim();
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1) throw new UserError('error.badPageNumber', {});
  return Number(text);
}
