import type { Catalog } from '../../catalog/catalog.js';
import type { Reply, ReplyField } from '../../core/reply.js';
import { clip } from '../../core/text.js';
import type { Lang, Translate } from '../../i18n/index.js';
import { paperView } from '../paper.js';
import { localDate } from '../service.js';
import { formatWhen } from '../time/when.js';
import type { Ballot } from './ballots.js';
import { ballotVoteId, scheduleButtonId } from './buttons.js';
import type { Decision } from './decide.js';
import type { Nomination } from './nominations.js';
import type { Candidate } from './service.js';

export interface BallotRenderContext {
  t: Translate;
  lang: Lang;
  catalog: Catalog;
}

/** A paper's name for a button (Discord cuts labels at 80). */
const LABEL_NAME_MAX = 60;

/** Who nominated a paper, when, and why (the note is the nominator's own words: plain text, escaped by the adapters). */
export function nominationField(nomination: Nomination, zone: string, { t, lang, catalog }: BallotRenderContext, prefix = `#${nomination.id}`): ReplyField {
  const paper = paperView(nomination.paper, catalog, lang);
  return {
    name: `${prefix} ${paper.name}`,
    value: [
      t('ballot.field.nominatedBy', { name: nomination.nominatorName, date: localDate(nomination.nominatedAt, zone) }),
      ...(nomination.note ? [t('ballot.field.note', { note: nomination.note })] : []),
      ...(paper.url ? [paper.url] : []),
    ].join('\n'),
  };
}

/**
 * The ballot as posted in the channel: a button per candidate with its count,
 * never who voted. Title, text and button ids stay the same from the first post
 * to the closing edit, so a restart can recognise it in the channel's history.
 */
export function ballotReply(ballot: Ballot, candidates: readonly Candidate[], context: BallotRenderContext): Reply {
  const { t, lang, catalog } = context;
  const closed = ballot.state === 'closed';
  return {
    kind: 'reading',
    title: t('ballot.title'),
    text: t('ballot.howTo'),
    fields: [
      ...candidates.map((c, i) => nominationField(c.nomination, ballot.zone, context, `${i + 1}.`)),
      {
        name: t(closed ? 'ballot.field.closed' : 'ballot.field.closes'),
        value: formatWhen(ballot.closesAt, ballot.zone, lang),
        times: [ballot.closesAt.toISOString()],
        relative: !closed,
      },
    ],
    buttons: candidates.map((c, i) => ({
      id: ballotVoteId(ballot.id, c.nomination.id),
      label: t('ballot.button', { n: i + 1, paper: clip(paperView(c.nomination.paper, catalog, lang).name, LABEL_NAME_MAX), count: c.votes }),
      style: 'primary' as const,
      disabled: closed,
    })),
    footer: t('ballot.footer', { id: ballot.id }),
  };
}

/** The result: counts for every candidate, the winner, and the tie rule when it decided. */
export function resultReply(ballot: Ballot, candidates: readonly Candidate[], decision: Decision, context: BallotRenderContext): Reply {
  const { t, lang, catalog } = context;
  const name = (c: Candidate) => paperView(c.nomination.paper, catalog, lang).name;
  const counts: ReplyField = {
    name: t('ballot.result.counts'),
    value: [...candidates].sort((a, b) => b.votes - a.votes).map((c) => t('ballot.result.line', { paper: name(c), count: c.votes })).join('\n'),
  };
  const winner = decision.winner;
  if (!winner) return { kind: 'reading', title: t('ballot.result.none'), text: t('ballot.result.noneText'), fields: [counts], footer: t('ballot.footer', { id: ballot.id }) };
  const paper = paperView(winner.nomination.paper, catalog, lang);
  const text = [t('ballot.result.won', { paper: paper.name, count: winner.votes, total: decision.total })];
  if (decision.top.length > 1) text.push(t('ballot.result.tie', { count: winner.votes, papers: decision.top.map(name).join(', '), paper: paper.name }));
  return {
    kind: 'reading',
    title: t('ballot.result.title', { paper: paper.name }),
    ...(paper.url ? { url: paper.url } : {}),
    text: text.join('\n'),
    fields: [counts],
    buttons: [{ id: scheduleButtonId(ballot.id), label: t('ballot.schedule.button'), style: 'success' }],
    footer: t('ballot.footer', { id: ballot.id }),
  };
}
