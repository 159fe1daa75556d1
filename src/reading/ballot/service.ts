import type { Catalog } from '../../catalog/catalog.js';
import type { Clock } from '../../core/clock.js';
import { UserError } from '../../core/errors.js';
import { channelKeyOf, type Actor, type Place } from '../../core/invocation.js';
import type { Logger } from '../../core/logger.js';
import { cleanText } from '../../core/text.js';
import type { Lang } from '../../i18n/index.js';
import { catalogEntryFor, paperView, resolvePaper } from '../paper.js';
import type { ReadingSessionStore } from '../store/sessions.js';
import { formatWhen, parseWhen, type WhenResult } from '../time/when.js';
import { localDate } from '../service.js';
import type { Ballot, BallotStore } from './ballots.js';
import type { Nomination, NominationStore } from './nominations.js';
import { decide, type Decision } from './decide.js';

export const NOTE_MAX = 200;
/**
 * Candidates on one ballot. Discord shows at most 25 buttons (5 rows of 5),
 * Slack 25 elements in an actions block; 20 fits both and keeps a row free.
 * More are refused with how many to withdraw (documented in the README).
 */
export const BALLOT_MAX = 20;
const HOUR = 3_600_000;
export const DEFAULT_CLOSE_HOURS = 48;
const MAX_CLOSE_DAYS = 60;

export interface BallotDeps {
  nominations: NominationStore;
  ballots: BallotStore;
  sessions: ReadingSessionStore;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  /** A ballot was opened: post it now (the runner also finds it on its next tick). */
  onOpened?(ballotId: number): void;
  /** A vote changed the counts: refresh the ballot's message. */
  onVote?(ballotId: number): void;
}

/** A candidate as shown on a ballot: the nomination and its votes so far. */
export interface Candidate {
  nomination: Nomination;
  votes: number;
}

/** Nominate → vote → result: the rules live here; commands and buttons only turn results into words. */
export class BallotService {
  constructor(readonly deps: BallotDeps) {}

  nominate(place: Place, actor: Actor, input: { paper: string; note?: string | undefined }, lang: Lang): { nomination: Nomination; open: number } {
    if (!place.channel) throw new UserError('error.reading.noChannel', {});
    const paper = catalogEntryFor(resolvePaper(input.paper, this.deps.catalog, lang, 'reading nominate'), this.deps.catalog);
    const note = input.note === undefined ? undefined : cleanText(input.note);
    if (note && [...note].length > NOTE_MAX) throw new UserError('error.ballot.longNote', { length: [...note].length, max: NOTE_MAX });
    const channelKey = channelKeyOf(place);
    const now = this.deps.clock.now();
    const name = paperView(paper, this.deps.catalog, lang).name;
    const read = this.deps.sessions
      .channelSessions(channelKey)
      .filter((session) => session.paper === paper && session.firstStart.getTime() <= now.getTime())
      .at(-1);
    if (read) throw new UserError('error.ballot.alreadyRead', { paper: name, id: read.id, date: localDate(read.firstStart, read.zone) });
    const id = this.deps.nominations.immediate(() => {
      const other = this.deps.nominations.openFor(channelKey, paper);
      if (other && other.nominatedBy !== actor.id) {
        throw new UserError('error.ballot.alreadyCandidate', { paper: name, id: other.id, name: other.nominatorName, date: other.nominatedAt.toISOString().slice(0, 10) });
      }
      const added = this.deps.nominations.add({ channelKey, paper, note: note || undefined, nominatedBy: actor.id, nominatorName: actor.name ?? actor.id, nominatedAt: now });
      if (added === undefined) throw new UserError('error.ballot.alreadyNominated', { paper: name, id: other?.id ?? '?' });
      return added;
    });
    this.deps.logger.info({ nomination: id, channel: channelKey, by: actor.id, paper }, 'reading: paper nominated');
    return { nomination: this.mustGet(id), open: this.deps.nominations.open(channelKey).length };
  }

  /** Open candidates, earliest nomination first. */
  nominations(place: Place): Nomination[] {
    return this.deps.nominations.open(channelKeyOf(place));
  }

  /** By number (3, #3) or by paper; only the nominator or a manager, and not while it is on the open ballot. */
  withdraw(place: Place, actor: Actor, value: string, lang: Lang): Nomination {
    const channelKey = channelKeyOf(place);
    const number = /^#?(\d{1,9})$/.exec(value.trim());
    const found = number ? this.deps.nominations.get(Number(number[1])) : this.byPaper(channelKey, value, actor, lang);
    if (!found || found.channelKey !== channelKey || found.state !== 'open') throw new UserError('error.ballot.noSuchNomination', { value: value.slice(0, 80) });
    if (found.nominatedBy !== actor.id && !actor.manager) throw new UserError('error.ballot.notYourNomination', { id: found.id });
    const open = this.deps.ballots.openIn(channelKey);
    if (open && this.deps.ballots.candidates(open.id).includes(found.id)) throw new UserError('error.ballot.onOpenBallot', { id: found.id });
    this.deps.nominations.withdraw(found.id);
    this.deps.logger.info({ nomination: found.id, by: actor.id }, 'reading: nomination withdrawn');
    return found;
  }

  /** Opens the channel's ballot on every open candidate; posting it is the runner's (onOpened). */
  open(place: Place, actor: Actor, closes: string | undefined, zone: string, lang: Lang): { ballot: Ballot; candidates: number } {
    if (!place.channel) throw new UserError('error.reading.noChannel', {});
    const channelKey = channelKeyOf(place);
    const now = this.deps.clock.now();
    const when: WhenResult = closes === undefined ? { at: new Date(now.getTime() + DEFAULT_CLOSE_HOURS * HOUR), localDate: '', localTime: '', zone } : parseWhen(closes, now, zone);
    // Ballots close on a whole minute (a tick is once a minute); that minute must still be ahead.
    const closesAt = new Date(Math.floor(when.at.getTime() / 60_000) * 60_000);
    const ahead = closesAt.getTime() - now.getTime();
    if (ahead <= 0 || ahead > MAX_CLOSE_DAYS * 24 * HOUR) throw new UserError('error.ballot.badCloseTime', { max: MAX_CLOSE_DAYS });
    const id = this.deps.ballots.immediate(() => {
      const candidates = this.deps.nominations.open(channelKey);
      if (candidates.length === 0) throw new UserError('error.ballot.noCandidates', {});
      if (candidates.length > BALLOT_MAX) throw new UserError('error.ballot.tooMany', { max: BALLOT_MAX, count: candidates.length, extra: candidates.length - BALLOT_MAX });
      const ballot = { channelKey, platform: place.platform, scope: place.scope, channel: place.channel, lang, zone, openedBy: actor.id, openedAt: now, closesAt };
      const opened = this.deps.ballots.open(ballot, candidates.map((c) => c.id));
      if (opened === undefined) {
        const existing = this.deps.ballots.openIn(channelKey);
        throw new UserError('error.ballot.alreadyOpen', { id: existing?.id ?? '?', when: existing ? formatWhen(existing.closesAt, existing.zone, lang) : '?' });
      }
      return opened;
    });
    this.deps.logger.info({ ballot: id, channel: channelKey, by: actor.id, closes: when.at.toISOString() }, 'reading: ballot opened');
    this.deps.onOpened?.(id);
    const ballot = this.deps.ballots.get(id);
    if (!ballot) throw new Error(`ballot ${id} vanished`);
    return { ballot, candidates: this.deps.ballots.candidates(id).length };
  }

  /** One vote per person, changeable until the close; undefined when the ballot no longer takes votes. */
  vote(ballotId: number, nominationId: number, actor: Actor): { outcome: 'recorded' | 'unchanged'; nomination: Nomination; ballot: Ballot } | undefined {
    const now = this.deps.clock.now();
    const result = this.deps.ballots.immediate(() => {
      const ballot = this.deps.ballots.get(ballotId);
      // The clock decides, not the tick: a press after the closing minute is refused even before the close is claimed.
      if (!ballot || ballot.state !== 'open' || ballot.closesAt.getTime() <= now.getTime()) return undefined;
      if (!this.deps.ballots.candidates(ballotId).includes(nominationId)) return undefined;
      const nomination = this.deps.nominations.get(nominationId);
      if (!nomination) return undefined;
      return { outcome: this.deps.ballots.vote(ballotId, actor.id, nominationId, now), nomination, ballot };
    });
    if (result?.outcome === 'recorded') this.deps.onVote?.(ballotId);
    return result;
  }

  /** The ballot's candidates in button order, with their votes. */
  candidates(ballotId: number): Candidate[] {
    const counts = this.deps.ballots.counts(ballotId);
    return this.deps.ballots
      .candidates(ballotId)
      .map((id) => this.deps.nominations.get(id))
      .filter((nomination): nomination is Nomination => nomination !== undefined)
      .map((nomination) => ({ nomination, votes: counts.get(nomination.id) ?? 0 }));
  }

  /** The close's claim, with the winner decided and marked chosen in the same transaction; false if someone else closed it. */
  claimClose(ballotId: number): boolean {
    const now = this.deps.clock.now();
    return this.deps.ballots.immediate(() => {
      const decision: Decision = decide(this.candidates(ballotId));
      const claimed = this.deps.ballots.claimClose(ballotId, now, decision.winner?.nomination.id);
      if (claimed && decision.winner) this.deps.nominations.markChosen(decision.winner.nomination.id, ballotId);
      return claimed;
    });
  }

  private byPaper(channelKey: string, text: string, actor: Actor, lang: Lang): Nomination | undefined {
    const paper = resolvePaper(text, this.deps.catalog, lang, 'reading withdraw');
    const open = this.deps.nominations.open(channelKey).filter((n) => n.paper === paper);
    return open.find((n) => n.nominatedBy === actor.id) ?? open[0];
  }

  private mustGet(id: number): Nomination {
    const found = this.deps.nominations.get(id);
    if (!found) throw new Error(`nomination ${id} vanished`);
    return found;
  }
}
