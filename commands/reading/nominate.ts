import type { Subcommand } from '../../src/core/command.js';
import { placeKey } from '../../src/core/invocation.js';
import type { Reply } from '../../src/core/reply.js';
import { nominationField } from '../../src/reading/ballot/render.js';
import { NOTE_MAX } from '../../src/reading/ballot/service.js';
import { paperView } from '../../src/reading/paper.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/** Nominations shown by /reading nominations; more are counted in the footer. */
const SHOWN = 20;

/** /reading nominate paper:<entry or arXiv id> [note]: a candidate for the channel's next reading, said in the channel. */
export const nominate: Subcommand<ReadingServices> = {
  name: 'nominate',
  description: 'cmd.reading.nominate.description',
  example: 'cmd.reading.nominate.example',
  options: [
    { name: 'paper', type: 'string', description: 'cmd.reading.nominate.paper', required: true, maxLength: 120, autocomplete: 'any' },
    { name: 'note', type: 'string', description: 'cmd.reading.nominate.note', maxLength: NOTE_MAX },
  ],
  execute(options, context): Reply {
    const { ballots, place, actor, lang, t, catalog, settings, defaults } = context;
    const note = options.note === undefined ? undefined : String(options.note);
    const { nomination, open } = ballots.nominate(place, actor, { paper: String(options.paper), note }, lang);
    const zone = settings.get(placeKey(place)).timezone ?? defaults.timezone;
    return {
      kind: 'reading',
      text: t(open === 1 ? 'ballot.nominatedOne' : 'ballot.nominated', { paper: paperView(nomination.paper, catalog, lang).name, id: nomination.id, count: open }),
      fields: [nominationField(nomination, zone, context)],
      inChannel: true,
    };
  },
};

/** /reading nominations: the open candidates, earliest first (the ballot's order and its tie-break). */
export const nominations: Subcommand<ReadingServices> = {
  name: 'nominations',
  description: 'cmd.reading.nominations.description',
  example: 'cmd.reading.nominations.example',
  options: [],
  execute(_options, context): Reply {
    const { ballots, place, t, settings, defaults } = context;
    const open = ballots.nominations(place);
    if (open.length === 0) return { kind: 'reading', text: t('ballot.nominations.empty') };
    const zone = settings.get(placeKey(place)).timezone ?? defaults.timezone;
    return {
      kind: 'reading',
      title: t('ballot.nominations.title', { count: open.length }),
      fields: open.slice(0, SHOWN).map((nomination) => nominationField(nomination, zone, context)),
      ...(open.length > SHOWN ? { footer: t('ballot.nominations.more', { count: open.length - SHOWN }) } : {}),
    };
  },
};

/** /reading withdraw nomination:<number or paper>: its nominator or a manager. */
export const withdraw: Subcommand<ReadingServices> = {
  name: 'withdraw',
  description: 'cmd.reading.withdraw.description',
  example: 'cmd.reading.withdraw.example',
  asksManager: true,
  options: [{ name: 'nomination', type: 'string', description: 'cmd.reading.withdraw.nomination', required: true, maxLength: 120 }],
  execute(options, { ballots, place, actor, lang, t, catalog }): Reply {
    const withdrawn = ballots.withdraw(place, actor, String(options.nomination), lang);
    return { kind: 'reading', text: t('ballot.withdrawn', { id: withdrawn.id, paper: paperView(withdrawn.paper, catalog, lang).name }) };
  },
};
