import type { Catalog } from '../catalog/catalog.js';
import type { Reply, ReplyButton, ReplyField } from '../core/reply.js';
import type { Lang, Translate } from '../i18n/index.js';
import type { RsvpCounts } from './store/rsvps.js';
import { addTrack, rsvpButtonId } from './buttons.js';
import { formatOffset } from './offsets.js';
import { paperView } from './paper.js';
import { personLabel } from './people.js';
import type { MeetingView } from './service.js';
import { formatWhen } from './time/when.js';
import { formatRepeat } from './time/repeat.js';

export interface RenderContext {
  t: Translate;
  lang: Lang;
  catalog: Catalog;
}

/** Going / maybe / can't, each with its live count. */
export function rsvpButtons(occurrenceId: number | undefined, counts: RsvpCounts, t: Translate): ReplyButton[] {
  if (occurrenceId === undefined) return [];
  return [
    { id: rsvpButtonId(occurrenceId, 'going'), label: t('reading.rsvp.going', { count: counts.going }), style: 'success' },
    { id: rsvpButtonId(occurrenceId, 'maybe'), label: t('reading.rsvp.maybe', { count: counts.maybe }), style: 'secondary' },
    { id: rsvpButtonId(occurrenceId, 'no'), label: t('reading.rsvp.no', { count: counts.no }), style: 'secondary' },
  ];
}

/** The fields every view of a meeting shares: when (with Discord's local stamps), paper, presenter, who is going. */
export function meetingFields(view: MeetingView, { t, lang, catalog }: RenderContext): ReplyField[] {
  const fields: ReplyField[] = [
    { name: t('reading.field.when'), value: formatWhen(view.startsAt, view.session.zone, lang), times: [view.startsAt.toISOString()], relative: true },
  ];
  if (view.session.paper) {
    const paper = paperView(view.session.paper, catalog, lang);
    fields.push({ name: t('reading.field.paper'), value: paper.url ? `${paper.name} — ${paper.url}` : paper.name });
  }
  if (view.presenter) fields.push({ name: t('reading.field.presenter'), value: personLabel(view.presenter), inline: true });
  if (view.session.rotation?.length) {
    fields.push({ name: t('reading.field.rotation'), value: view.session.rotation.map(personLabel).join(', '), inline: true });
  }
  fields.push({ name: t('reading.field.going', { count: view.counts.going }), value: goingNames(view.going, t) });
  return fields;
}

/**
 * Who is going, the first ones by name. A meeting with hundreds going would
 * otherwise spill into a second and third message, which live-count edits
 * never reach, so those would show stale names and counts; twenty names
 * (≤ 80 characters each) stay well inside one Discord field or Slack section.
 */
export const NAMES_SHOWN = 20;

function goingNames(names: readonly string[], t: Translate): string {
  if (names.length === 0) return t('reading.nobodyYet');
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? t('reading.goingMore', { names: shown, count: names.length - NAMES_SHOWN }) : shown;
}

/** The confirmation of /reading add or edit: how the bot understood the time, and the RSVP buttons. */
export function sessionReply(view: MeetingView, heading: 'added' | 'edited', context: RenderContext): Reply {
  const { t } = context;
  const series = view.session.repeat ? t('reading.series', { repeat: formatRepeat(view.session.repeat) }) : undefined;
  return {
    kind: 'reading',
    title: view.session.title,
    text: [t(heading === 'added' ? 'reading.added' : 'reading.edited', { id: view.session.id }), ...(series ? [series] : [])].join('\n'),
    fields: meetingFields(view, context),
    buttons: rsvpButtons(view.occurrenceId, view.counts, t),
    footer: t('reading.footer', { id: view.session.id }),
    inChannel: true,
    // The add confirmation keeps live counts where the adapter can tell us its message.
    ...(heading === 'added' && view.occurrenceId !== undefined ? { track: addTrack(view.occurrenceId) } : {}),
  };
}

/** A staged reminder: names the paper and presenter (the one deliberate mention), shows who is going. */
export function reminderReply(view: MeetingView, stage: number, context: RenderContext): Reply {
  const { t } = context;
  const heading = stage === 0 ? t('reading.reminder.now', { title: view.session.title }) : t('reading.reminder.before', { title: view.session.title, offset: formatOffset(stage) });
  const presenterId = view.presenter?.id;
  return {
    kind: 'reading',
    title: heading,
    fields: meetingFields(view, context),
    buttons: rsvpButtons(view.occurrenceId, view.counts, t),
    footer: t('reading.footer', { id: view.session.id }),
    ...(presenterId && view.presenter ? { mention: { userId: presenterId, label: personLabel(view.presenter) } } : {}),
  };
}
