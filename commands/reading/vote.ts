import type { Subcommand } from '../../src/core/command.js';
import { placeKey } from '../../src/core/invocation.js';
import type { Reply } from '../../src/core/reply.js';
import { formatWhen } from '../../src/reading/time/when.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/**
 * /reading vote [closes:<when>] (managers): opens a ballot on the open
 * candidates. The bot posts the ballot in the channel itself (so it can keep
 * its counts live and close it); the manager is told privately how the
 * closing time was understood, as /reading add confirms its time.
 */
export const vote: Subcommand<ReadingServices> = {
  name: 'vote',
  description: 'cmd.reading.vote.description',
  example: 'cmd.reading.vote.example',
  needsManager: true,
  options: [{ name: 'closes', type: 'string', description: 'cmd.reading.vote.closes', maxLength: 80 }],
  execute(options, { ballots, place, actor, settings, defaults, lang, t }): Reply {
    const zone = settings.get(placeKey(place)).timezone ?? defaults.timezone;
    const closes = options.closes === undefined ? undefined : String(options.closes);
    const { ballot, candidates } = ballots.open(place, actor, closes, zone, lang);
    return {
      kind: 'reading',
      text: t('ballot.opened', { id: ballot.id, count: candidates }),
      fields: [{ name: t('ballot.field.closes'), value: formatWhen(ballot.closesAt, ballot.zone, lang), times: [ballot.closesAt.toISOString()], relative: true }],
      ephemeral: true,
    };
  },
};
