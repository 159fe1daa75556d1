import type { FeatureModule } from '../core/feature.js';
import { instanceId } from '../store/instance.js';
import { readingButtons } from './button-handler.js';
import { ReadingEventsService } from './events/service.js';
import { GuildEventSync } from './events/sync.js';
import { readingMigrations } from './migrations.js';
import { readingPosted } from './posted.js';
import { ballotFeatureParts } from './ballot/wiring.js';
import type { BallotService } from './ballot/service.js';
import { ReadingRunner } from './runner.js';
import { ReadingService } from './service.js';
import { ReadingAddMessageStore } from './store/add-messages.js';
import { ReadingOccurrenceStore } from './store/occurrences.js';
import { ReadingReminderStore } from './store/reminders.js';
import { ReadingRsvpStore } from './store/rsvps.js';
import { ReadingSessionStore } from './store/sessions.js';
import { ReadingSettingsStore } from './store/settings.js';
import { EventSettingsStore, GuildEventStore } from './store/guild-events.js';
import { ReadingFeed } from './feed/feed.js';
import { SessionRevisions } from './feed/revisions.js';
import { feedRoutes } from './feed/route.js';
import { FeedTokenStore } from './feed/tokens.js';

/** What the /reading commands find in their context. */
export interface ReadingServices {
  reading: ReadingService;
  /** The per-server switch and hint of sessions mirrored into Discord's Events list. */
  readingEvents: ReadingEventsService;
  /** Nominations and ballots (/reading nominate, vote). */
  ballots: BallotService;
  /** The subscribable calendar (/reading feed). */
  readingFeed: ReadingFeed;
}

export interface ReadingOptions {
  /** Reminder offsets (minutes before the start) where a channel has chosen none. */
  defaultOffsets: readonly number[];
  /** PUBLIC_URL: how feed addresses are written; without it /reading feed explains what to set. */
  publicUrl?: string | undefined;
}

/** Reading-group sessions: schedule, staged reminders, RSVP, rotation, calendar export. */
export const readingFeature = {
  name: 'reading',
  migrations: readingMigrations,
  create(host, options) {
    const reminders = new ReadingReminderStore(host.db);
    const addMessages = new ReadingAddMessageStore(host.db);
    let runner: ReadingRunner | undefined;
    const sessions = new ReadingSessionStore(host.db);
    const occurrences = new ReadingOccurrenceStore(host.db);
    const eventSettings = new EventSettingsStore(host.db);
    const events = new GuildEventSync({
      sessions,
      occurrences,
      rows: new GuildEventStore(host.db),
      settings: eventSettings,
      catalog: host.catalog,
      clock: host.clock,
      logger: host.logger,
      publisher: host.publisher,
      worker: host.worker,
      instance: instanceId(host.db),
    });
    const reading = new ReadingService({
      sessions,
      occurrences,
      rsvps: new ReadingRsvpStore(host.db),
      reminders,
      settings: new ReadingSettingsStore(host.db),
      revisions: new SessionRevisions(host.db),
      catalog: host.catalog,
      clock: host.clock,
      logger: host.logger,
      onChange: () => events.poke(),
      onRsvp: (occurrenceId) => {
        runner?.refresh(occurrenceId).catch((error: unknown) => host.logger.warn({ err: error, occurrence: occurrenceId }, 'reading: live counts not updated'));
      },
    });
    runner = new ReadingRunner({
      service: reading,
      reminders,
      addMessages,
      catalog: host.catalog,
      clock: host.clock,
      publisher: host.publisher,
      logger: host.logger,
      defaultOffsets: options.defaultOffsets,
      keys: host.keys,
      worker: host.worker,
      ...(host.fault ? { fault: host.fault } : {}),
      ...(host.observe ? { observe: host.observe } : {}),
    });
    const scheduled = runner;
    const ballot = ballotFeatureParts(host, reading);
    const readingFeed = new ReadingFeed({ db: host.db, tokens: new FeedTokenStore(host.db), reading, catalog: host.catalog, clock: host.clock, logger: host.logger, publicUrl: options.publicUrl });
    return {
      name: 'reading',
      services: { reading, readingFeed, readingEvents: new ReadingEventsService({ settings: eventSettings, sync: events, clock: host.clock }), ballots: ballot.service },
      buttons: [readingButtons(reading), ballot.buttons],
      posted: [readingPosted(reading, addMessages)],
      // Reminders, the events mirror and ballots each survive their own failures; none waits for another.
      tick: async () => {
        await Promise.all([scheduled.tick(), events.tick(), ballot.runner.tick()]);
      },
      idle: async () => {
        await Promise.all([scheduled.idle(), events.idle(), ballot.runner.idle()]);
      },
      events,
      routes: feedRoutes(readingFeed, host.logger),
      runner: scheduled,
      ballotRunner: ballot.runner,
    };
  },
} satisfies FeatureModule<ReadingServices, ReadingOptions>;
