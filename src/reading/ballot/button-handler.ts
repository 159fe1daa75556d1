import type { ButtonContext, ButtonHandler } from '../../core/buttons.js';
import type { Place } from '../../core/invocation.js';
import type { Reply } from '../../core/reply.js';
import { paperView } from '../paper.js';
import { personLabel } from '../people.js';
import type { Person } from '../store/sessions.js';
import { BALLOT_BUTTON_PATTERN, parseBallotButton } from './buttons.js';
import type { BallotService } from './service.js';

/** Who presents next in the channel's rotation, if it has one. */
export type NextPresenter = (place: Place) => Person | undefined;

/**
 * Votes (answered privately: "your vote: X"; the ballot shows only counts)
 * and "Schedule it" on a result, which answers with the /reading add command
 * filled in — the title, the paper and the rotation's next presenter.
 */
export function ballotButtons(ballots: BallotService, nextPresenter: NextPresenter): ButtonHandler {
  return {
    pattern: BALLOT_BUTTON_PATTERN,
    handle(id, context): Reply {
      const button = parseBallotButton(id);
      if (!button) return { kind: 'error', text: context.t('error.unknownButton') };
      if (button.kind === 'schedule') return schedule(ballots, button.ballotId, nextPresenter, context);
      const { t, lang, actor } = context;
      const result = ballots.vote(button.ballotId, button.nominationId, actor);
      if (!result) return { kind: 'reading', text: t('ballot.closedNow') };
      const paper = paperView(result.nomination.paper, ballots.deps.catalog, lang).name;
      return { kind: 'reading', text: t(result.outcome === 'recorded' ? 'ballot.voted' : 'ballot.voteUnchanged', { paper }) };
    },
  };
}

function schedule(ballots: BallotService, ballotId: number, nextPresenter: NextPresenter, { t, lang, place }: ButtonContext): Reply {
  const ballot = ballots.deps.ballots.get(ballotId);
  const winner = ballot?.winner === undefined ? undefined : ballots.deps.nominations.get(ballot.winner);
  if (!ballot || !winner) return { kind: 'reading', text: t('ballot.schedule.gone') };
  const paper = paperView(winner.paper, ballots.deps.catalog, lang);
  const ref = winner.paper.startsWith('arxiv:') ? winner.paper.slice('arxiv:'.length) : winner.paper;
  const presenter = nextPresenter(place);
  const mention = presenter ? (presenter.id ? `<@${presenter.id}>` : presenter.name.replace(/\s+/g, '_')) : undefined;
  const lines = [t('ballot.schedule.answer', { title: paper.name.replace(/"/g, "'"), paper: ref, presenter: mention ? ` presenter:${mention}` : '' })];
  if (presenter) lines.push(t('ballot.schedule.presenter', { name: personLabel(presenter) }));
  return { kind: 'reading', text: lines.join('\n') };
}
