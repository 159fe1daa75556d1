import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { channelCalendar } from '../../src/reading/calendar.js';
import { formatOffsets, parseOffsets } from '../../src/reading/offsets.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/** /reading ics: the channel's sessions as an RFC 5545 calendar file. */
export const ics: Subcommand<ReadingServices> = {
  name: 'ics',
  description: 'cmd.reading.ics.description',
  example: 'cmd.reading.ics.example',
  options: [],
  execute(_options, { reading, place, clock, catalog, lang, t }): Reply {
    const sessions = reading.sessionsIn(place);
    const content = channelCalendar(sessions, reading, catalog, lang, clock.now());
    return {
      kind: 'reading',
      text: sessions.length === 0 ? t('reading.ics.readyNone') : sessions.length === 1 ? t('reading.ics.readyOne') : t('reading.ics.ready', { count: sessions.length }),
      attachments: [{ name: 'yomikai-reading.ics', content, type: 'text/calendar' }],
    };
  },
};

/** /reading reminders offsets:24h,1h,0: when this channel's reminders go out (managers). */
export const reminders: Subcommand<ReadingServices> = {
  name: 'reminders',
  description: 'cmd.reading.reminders.description',
  example: 'cmd.reading.reminders.example',
  needsManager: true,
  options: [{ name: 'offsets', type: 'string', description: 'cmd.reading.reminders.offsets', required: true, maxLength: 60 }],
  execute(options, { reading, place, t }): Reply {
    const offsets = parseOffsets(String(options.offsets));
    reading.setReminderOffsets(place, offsets);
    return { kind: 'reading', text: t('reading.reminders.saved', { offsets: formatOffsets(offsets) }) };
  },
};
