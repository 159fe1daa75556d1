import type { FeatureModule } from '../core/feature.js';
import { readingButtons } from './button-handler.js';
import { readingMigrations } from './migrations.js';
import { readingPosted } from './posted.js';
import { ReadingRunner } from './runner.js';
import { ReadingService } from './service.js';
import { ReadingAddMessageStore } from './store/add-messages.js';
import { ReadingOccurrenceStore } from './store/occurrences.js';
import { ReadingReminderStore } from './store/reminders.js';
import { ReadingRsvpStore } from './store/rsvps.js';
import { ReadingSessionStore } from './store/sessions.js';
import { ReadingSettingsStore } from './store/settings.js';

/** What the /reading commands find in their context. */
export interface ReadingServices {
  reading: ReadingService;
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
    const addMessages = new ReadingAddMessageStore(host.db);
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
    return {
      name: 'reading',
      services: { reading },
      buttons: [readingButtons(reading)],
      posted: [readingPosted(reading, addMessages)],
      tick: () => scheduled.tick(),
      idle: () => scheduled.idle(),
      runner: scheduled,
    };
  },
} satisfies FeatureModule<ReadingServices, ReadingOptions>;
