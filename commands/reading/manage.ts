import type { CommandOption, Subcommand } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/reply.js';
import { sessionReply } from '../../src/reading/render.js';
import { formatWhen } from '../../src/reading/time/when.js';
import type { ReadingServices } from '../../src/reading/feature.js';

const SESSION: CommandOption = { name: 'session', type: 'string', description: 'cmd.reading.session', required: true, maxLength: 12 };
const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));

/** A session number as typed ("3" or "#3"). */
export function sessionId(value: unknown): number {
  const match = /^#?(\d{1,9})$/.exec(String(value).trim());
  if (!match) throw new UserError('error.reading.badSessionId', { value: String(value).slice(0, 20) });
  return Number(match[1]);
}

/** /reading cancel session:<id>: the creator or a manager; the whole session or series. */
export const cancel: Subcommand<ReadingServices> = {
  name: 'cancel',
  description: 'cmd.reading.cancel.description',
  example: 'cmd.reading.cancel.example',
  asksManager: true,
  options: [SESSION],
  execute(options, { reading, place, actor, t }): Reply {
    const session = reading.cancel(place, actor, sessionId(options.session));
    return { kind: 'reading', text: t('reading.cancelled', { id: session.id, title: session.title }) };
  },
};

/** /reading skip session:<id> [date]: one meeting of a series; the rotation moves on to the next held one. */
export const skip: Subcommand<ReadingServices> = {
  name: 'skip',
  description: 'cmd.reading.skip.description',
  example: 'cmd.reading.skip.example',
  asksManager: true,
  options: [SESSION, { name: 'date', type: 'string', description: 'cmd.reading.skip.date', maxLength: 20 }],
  execute(options, { reading, place, actor, t, lang }): Reply {
    const { session, startsAt } = reading.skip(place, actor, sessionId(options.session), text(options.date));
    return { kind: 'reading', text: t('reading.skipped', { id: session.id, title: session.title, when: formatWhen(startsAt, session.zone, lang) }) };
  },
};

/** /reading edit session:<id> [when] [paper] [presenter]: the creator or a manager. */
export const edit: Subcommand<ReadingServices> = {
  name: 'edit',
  description: 'cmd.reading.edit.description',
  example: 'cmd.reading.edit.example',
  asksManager: true,
  options: [
    SESSION,
    { name: 'when', type: 'string', description: 'cmd.reading.add.when', maxLength: 80 },
    { name: 'paper', type: 'string', description: 'cmd.reading.add.paper', maxLength: 80, autocomplete: 'any' },
    { name: 'presenter', type: 'user', description: 'cmd.reading.add.presenter', maxLength: 100 },
  ],
  execute(options, context): Reply {
    const { reading, place, actor, lang } = context;
    const view = reading.edit(place, actor, sessionId(options.session), { when: text(options.when), paper: text(options.paper), presenter: text(options.presenter) }, lang);
    return sessionReply(view, 'edited', context);
  },
};
