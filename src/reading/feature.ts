import type { FeatureModule } from '../core/feature.js';
import { readingButtons } from './button-handler.js';
import { readingMigrations } from './migrations.js';
import { ballotFeatureParts } from './ballot/wiring.js';
import type { BallotService } from './ballot/service.js';
import { ReadingRunner } from './runner.js';
import { ReadingService } from './service.js';
import { ReadingOccurrenceStore } from './store/occurrences.js';
import { ReadingReminderStore } from './store/reminders.js';
import { ReadingRsvpStore } from './store/rsvps.js';
import { ReadingSessionStore } from './store/sessions.js';
import { ReadingSettingsStore } from './store/settings.js';

/** What the /reading commands find in their context. */
export interface ReadingServices {
  reading: ReadingService;
  /** Nominations and ballots (/reading nominate, vote). */
  ballots: BallotService;
}

export interface ReadingOptions {
  /** Reminder offsets (minutes before the start) where a channel has chosen none. */
  defaultOffsets: readonly number[];
}

/** Reading-group sessions: schedule, staged reminders, RSVP, rotation, calendar export. */
export const readingFeature = {
  name: 'reading',
  migrations: readingMigrations,
  create(host, options) {
    const reminders = new ReadingReminderStore(host.db);
    let runner: ReadingRunner | undefined;
    const reading = new ReadingService({
      sessions: new ReadingSessionStore(host.db),
      occurrences: new ReadingOccurrenceStore(host.db),
      rsvps: new ReadingRsvpStore(host.db),
      reminders,
      settings: new ReadingSettingsStore(host.db),
      catalog: host.catalog,
      clock: host.clock,
      logger: host.logger,
      onRsvp: (occurrenceId) => {
        runner?.refresh(occurrenceId).catch((error: unknown) => host.logger.warn({ err: error, occurrence: occurrenceId }, 'reading: live counts not updated'));
      },
    });
    runner = new ReadingRunner({
      service: reading,
      reminders,
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
    return {
      name: 'reading',
      services: { reading, ballots: ballot.service },
      buttons: [readingButtons(reading), ballot.buttons],
      tick: async () => {
        await Promise.all([scheduled.tick(), ballot.runner.tick()]);
      },
      idle: async () => {
        await Promise.all([scheduled.idle(), ballot.runner.idle()]);
      },
      runner: scheduled,
      ballotRunner: ballot.runner,
    };
  },
} satisfies FeatureModule<ReadingServices, ReadingOptions>;
