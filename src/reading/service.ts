import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import { channelKeyOf, type Actor, type Place } from '../core/invocation.js';
import type { Logger } from '../core/logger.js';
import { canonicalTimeZone, isTimeZone } from '../core/timezone.js';
import { suggestTimeZones } from '../core/timezone-suggest.js';
import { cleanText } from '../core/text.js';
import type { Lang } from '../i18n/index.js';
import type { ReadingOccurrenceStore } from './store/occurrences.js';
import type { ReadingReminderStore } from './store/reminders.js';
import type { RsvpCounts, RsvpOutcome, RsvpStatus, ReadingRsvpStore } from './store/rsvps.js';
import type { Person, ReadingSession, ReadingSessionStore } from './store/sessions.js';
import type { ReadingSettingsStore } from './store/settings.js';
import type { SessionRevisions } from './feed/revisions.js';
import { resolvePaper } from './paper.js';
import { parsePerson, parseRotation } from './people.js';
import { meetingsUntil, presenterAt, upcomingMeetings, type Meeting } from './series.js';
import { parseWhen } from './time/when.js';
import { parseRepeat, validateRepeat } from './time/repeat.js';

export const TITLE_MAX = 200;

export interface AddInput {
  title: string;
  when: string;
  paper?: string | undefined;
  presenter?: string | undefined;
  rotation?: string | undefined;
  repeat?: string | undefined;
  timezone?: string | undefined;
}

export interface EditInput {
  when?: string | undefined;
  paper?: string | undefined;
  presenter?: string | undefined;
}

/** One meeting as shown: its session, time, presenter, answers. */
export interface MeetingView {
  session: ReadingSession;
  index: number;
  startsAt: Date;
  occurrenceId?: number;
  presenter?: Person;
  counts: RsvpCounts;
  going: string[];
}

export interface ReadingDeps {
  sessions: ReadingSessionStore;
  occurrences: ReadingOccurrenceStore;
  rsvps: ReadingRsvpStore;
  reminders: ReadingReminderStore;
  settings: ReadingSettingsStore;
  /** SEQUENCE for the calendar: bumped by every edit, skip and cancellation. */
  revisions: SessionRevisions;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  /** Called after an RSVP so posted messages show the new counts. */
  onRsvp?(occurrenceId: number): void;
  /** Called after a session is added, edited, skipped or cancelled (mirrors such as Discord's events sync soon). */
  onChange?(sessionId: number): void;
}

/**
 * Every rule of reading sessions lives here (validation first, then one
 * transaction; who may change what; the rotation); commands and buttons
 * only turn results into words.
 */
export class ReadingService {
  constructor(readonly deps: ReadingDeps) {}

  /** Validates everything — nothing is stored on any refusal — then saves the session in one transaction. */
  add(place: Place, actor: Actor, input: AddInput, placeZone: string, lang: Lang): MeetingView {
    if (!place.channel) throw new UserError('error.reading.noChannel', {});
    const title = cleanText(input.title);
    if (title === '') throw new UserError('error.reading.emptyTitle', {});
    if ([...title].length > TITLE_MAX) throw new UserError('error.reading.longTitle', { length: [...title].length, max: TITLE_MAX });
    const zone = zoneOf(input.timezone ?? placeZone);
    const now = this.deps.clock.now();
    const when = parseWhen(input.when, now, zone);
    const paper = input.paper === undefined ? undefined : resolvePaper(input.paper, this.deps.catalog, lang);
    const presenter = input.presenter === undefined ? undefined : parsePerson(input.presenter, place.platform);
    const rotation = input.rotation === undefined ? undefined : parseRotation(input.rotation, place.platform);
    const repeat = input.repeat === undefined ? undefined : parseRepeat(input.repeat);
    if (repeat) validateRepeat(when.at, zone, repeat);
    const id = this.deps.sessions.immediate(() =>
      this.deps.sessions.add({
        channelKey: channelKeyOf(place),
        platform: place.platform,
        scope: place.scope,
        channel: place.channel,
        title,
        ...(paper ? { paper } : {}),
        ...(presenter ? { presenter } : {}),
        ...(rotation ? { rotation } : {}),
        ...(repeat ? { repeat } : {}),
        zone,
        firstStart: when.at,
        durationMinutes: 60,
        lang,
        createdBy: actor.id,
        createdAt: now,
      }),
    );
    this.deps.logger.info({ session: id, channel: channelKeyOf(place), by: actor.id, at: when.at.toISOString(), zone }, 'reading: session added');
    this.deps.onChange?.(id);
    const view = this.nextMeeting(this.mustGet(id), now);
    if (!view) throw new Error('a session just added has no meeting ahead');
    return view;
  }

  /** The channel's sessions, each with its next meeting, soonest first. */
  list(place: Place): MeetingView[] {
    const now = this.deps.clock.now();
    return this.deps.sessions
      .channelSessions(channelKeyOf(place))
      .map((session) => this.nextMeeting(session, now))
      .filter((view): view is MeetingView => view !== undefined)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  cancel(place: Place, actor: Actor, id: number): ReadingSession {
    const session = this.owned(place, actor, id);
    const now = this.deps.clock.now();
    this.deps.sessions.immediate(() => {
      if (this.deps.sessions.markCancelled(id, now)) this.deps.revisions.bump(id, now);
    });
    this.deps.logger.info({ session: id, by: actor.id }, 'reading: session cancelled');
    this.deps.onChange?.(id);
    return session;
  }

  /** Skips one meeting (the next, or the one on a local date); the rotation's next person presents at the one after. */
  skip(place: Place, actor: Actor, id: number, date?: string): { session: ReadingSession; startsAt: Date } {
    const session = this.owned(place, actor, id);
    const now = this.deps.clock.now();
    const candidates = upcomingMeetings(session, now, 400);
    const meeting = date === undefined ? candidates[0] : candidates.find((m) => localDate(m.startsAt, session.zone) === date.trim());
    if (!meeting) throw new UserError('error.reading.noSuchMeeting', { date: (date ?? '').slice(0, 20) });
    this.deps.sessions.immediate(() => {
      const row = this.deps.occurrences.ensure(session.id, meeting.index, meeting.startsAt);
      this.deps.occurrences.skip(row.id);
      this.deps.revisions.bump(session.id, now);
    });
    this.deps.onChange?.(session.id);
    return { session, startsAt: meeting.startsAt };
  }

  edit(place: Place, actor: Actor, id: number, input: EditInput, lang: Lang): MeetingView {
    const session = this.owned(place, actor, id);
    const now = this.deps.clock.now();
    if (input.when === undefined && input.paper === undefined && input.presenter === undefined) throw new UserError('error.reading.nothingToEdit', {});
    // Only a new time can give a session that is over a meeting to change; refuse before storing anything.
    if (input.when === undefined && upcomingMeetings(session, now, 1).length === 0) throw new UserError('error.reading.over', { id });
    const when = input.when === undefined ? undefined : parseWhen(input.when, now, session.zone);
    if (when && session.repeat) validateRepeat(when.at, session.zone, session.repeat);
    const paper = input.paper === undefined ? session.paper : resolvePaper(input.paper, this.deps.catalog, lang);
    const presenter = input.presenter === undefined ? undefined : parsePerson(input.presenter, place.platform);
    this.deps.sessions.immediate(() => {
      let { firstStart, indexBase } = session;
      if (when) {
        // Meetings already started keep their numbers; the series counts on from the new time.
        const started = meetingsUntil(session, now, 0).filter((m) => m.startsAt.getTime() <= now.getTime());
        indexBase = started.length > 0 ? (started[started.length - 1] as Meeting).index + 1 : session.indexBase;
        firstStart = when.at;
        this.deps.occurrences.forgetReminders(session.id, indexBase);
        for (const meeting of upcomingMeetings({ ...session, firstStart, indexBase }, now, 50)) {
          if (this.deps.occurrences.at(session.id, meeting.index)) this.deps.occurrences.ensure(session.id, meeting.index, meeting.startsAt);
        }
      }
      const rotates = Boolean(session.rotation?.length);
      this.deps.sessions.save({ id, paper, presenter: rotates ? session.presenter : (presenter ?? session.presenter), firstStart, indexBase });
      if (presenter && rotates) {
        // In a rotation, a new presenter stands in for the next meeting only.
        const next = upcomingMeetings({ ...session, firstStart, indexBase }, now, 1)[0];
        if (next) this.deps.occurrences.setPresenter(this.deps.occurrences.ensure(id, next.index, next.startsAt).id, presenter);
      }
      this.deps.revisions.bump(id, now);
    });
    this.deps.onChange?.(id);
    const view = this.nextMeeting(this.mustGet(id), now);
    if (!view) throw new UserError('error.reading.noSuchMeeting', { date: '' });
    return view;
  }

  rsvp(occurrenceId: number, actor: Actor, status: RsvpStatus): { outcome: RsvpOutcome; view: MeetingView } | undefined {
    const occurrence = this.deps.occurrences.get(occurrenceId);
    const session = occurrence && this.deps.sessions.get(occurrence.sessionId);
    if (!occurrence || !session || session.cancelledAt || occurrence.skipped) return undefined;
    const outcome = this.deps.rsvps.answer(occurrenceId, actor.id, actor.name ?? actor.id, status, this.deps.clock.now());
    if (outcome !== 'unchanged') this.deps.onRsvp?.(occurrenceId);
    return { outcome, view: this.view(session, { index: occurrence.index, startsAt: occurrence.startsAt }) };
  }

  /** The next meeting that is not skipped, with its row (created so buttons can point at it). */
  nextMeeting(session: ReadingSession, now: Date): MeetingView | undefined {
    for (const meeting of upcomingMeetings(session, now, 60)) {
      const row = this.deps.occurrences.at(session.id, meeting.index);
      if (row?.skipped) continue;
      return this.view(session, meeting);
    }
    return undefined;
  }

  /** A meeting as shown, its occurrence row created if it had none (ids on buttons need one). */
  view(session: ReadingSession, meeting: Meeting): MeetingView {
    const row = this.deps.occurrences.ensure(session.id, meeting.index, meeting.startsAt);
    const skippedBefore = this.deps.occurrences.skippedBeforeIndex(session.id, meeting.index);
    const presenter = presenterAt(session, meeting.index, skippedBefore, row.presenter);
    return {
      session,
      index: meeting.index,
      startsAt: meeting.startsAt,
      occurrenceId: row.id,
      ...(presenter ? { presenter } : {}),
      counts: this.deps.rsvps.countsFor(row.id),
      going: this.deps.rsvps.namesFor(row.id, 'going'),
    };
  }

  /** The channel's sessions (not cancelled), for its calendar. */
  sessionsIn(place: Place): ReadingSession[] {
    return this.deps.sessions.channelSessions(channelKeyOf(place));
  }

  /** When this channel's reminders go out from now on (minutes before each start). */
  setReminderOffsets(place: Place, offsets: readonly number[]): void {
    this.deps.settings.setOffsets(channelKeyOf(place), offsets);
  }

  get(id: number): ReadingSession | undefined {
    return this.deps.sessions.get(id);
  }

  private mustGet(id: number): ReadingSession {
    const session = this.deps.sessions.get(id);
    if (!session) throw new Error(`reading session ${id} vanished`);
    return session;
  }

  /** The session, if it is in this channel and the actor created it or manages the place. */
  private owned(place: Place, actor: Actor, id: number): ReadingSession {
    const session = this.deps.sessions.get(id);
    if (!session || session.cancelledAt || session.channelKey !== channelKeyOf(place)) throw new UserError('error.reading.noSuchSession', { id });
    if (session.createdBy !== actor.id && !actor.manager) throw new UserError('error.reading.notYours', { id });
    return session;
  }
}

function zoneOf(value: string): string {
  const zone = value.trim();
  if (!isTimeZone(zone)) throw new UserError('error.badTimezone', { value: zone.slice(0, 40) }, suggestTimeZones(zone));
  return canonicalTimeZone(zone);
}

export function localDate(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
