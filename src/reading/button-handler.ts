import type { ButtonHandler } from '../core/buttons.js';
import type { Reply } from '../core/reply.js';
import { formatWhen } from './time/when.js';
import { parseRsvpButton } from './buttons.js';
import type { ReadingService } from './service.js';

/** RSVP buttons: one row per person per meeting; the answer (and the counts) come back privately. */
export function readingButtons(reading: ReadingService): ButtonHandler {
  return {
    pattern: /^r1:/,
    handle(id, { actor, lang, t }): Reply {
      const button = parseRsvpButton(id);
      if (!button) return { kind: 'error', text: t('error.unknownButton') };
      const result = reading.rsvp(button.occurrenceId, actor, button.status);
      if (!result) return { kind: 'error', text: t('reading.rsvp.gone') };
      const { view, outcome } = result;
      const status = t(`reading.status.${button.status}`);
      return {
        kind: 'reading',
        text: [
          t(outcome === 'unchanged' ? 'reading.rsvp.unchanged' : 'reading.rsvp.recorded', {
            status,
            title: view.session.title,
            when: formatWhen(view.startsAt, view.session.zone, lang),
          }),
          t('reading.rsvp.counts', { going: view.counts.going, maybe: view.counts.maybe, no: view.counts.no }),
        ].join('\n'),
      };
    },
  };
}
