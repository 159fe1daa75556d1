import type { FeatureHost } from '../../core/feature.js';
import { channelKeyOf } from '../../core/invocation.js';
import type { ReadingService } from '../service.js';
import { ReadingSessionStore } from '../store/sessions.js';
import { BallotStore } from './ballots.js';
import { ballotButtons } from './button-handler.js';
import { NominationStore } from './nominations.js';
import { BallotRunner } from './runner.js';
import { BallotService } from './service.js';

/** The ballot's service, runner and buttons, built on the reading feature's host (src/reading/feature.ts). */
export function ballotFeatureParts(host: FeatureHost, reading: ReadingService) {
  let runner: BallotRunner | undefined;
  const warn = (ballot: number) => (error: unknown) => host.logger.warn({ err: error, ballot }, 'reading: ballot message not updated');
  const service = new BallotService({
    nominations: new NominationStore(host.db),
    ballots: new BallotStore(host.db),
    sessions: new ReadingSessionStore(host.db),
    catalog: host.catalog,
    clock: host.clock,
    logger: host.logger,
    onOpened: (id) => void runner?.postNow(id).catch(warn(id)),
    onVote: (id) => void runner?.refresh(id).catch(warn(id)),
  });
  runner = new BallotRunner({
    service,
    catalog: host.catalog,
    clock: host.clock,
    publisher: host.publisher,
    logger: host.logger,
    keys: host.keys,
    worker: host.worker,
    ...(host.fault ? { fault: host.fault } : {}),
    ...(host.observe ? { observe: host.observe } : {}),
  });
  /** The next presenter of the channel's latest series with a rotation. */
  const nextPresenter = (place: Parameters<typeof channelKeyOf>[0]) => {
    const rotating = reading.sessionsIn(place).filter((session) => session.rotation?.length);
    const latest = rotating.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
    return latest ? reading.nextMeeting(latest, host.clock.now())?.presenter : undefined;
  };
  return { service, runner, buttons: ballotButtons(service, nextPresenter) };
}
