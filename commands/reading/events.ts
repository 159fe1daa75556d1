import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/** /reading events state:on|off: show this server's sessions in its Discord Events list, or stop (managers). */
export const events: Subcommand<ReadingServices> = {
  name: 'events',
  description: 'cmd.reading.events.description',
  example: 'cmd.reading.events.example',
  needsManager: true,
  options: [
    {
      name: 'state',
      type: 'string',
      description: 'cmd.reading.events.state',
      required: true,
      choices: [
        { value: 'on', label: 'on' },
        { value: 'off', label: 'off' },
      ],
    },
  ],
  execute(options, { readingEvents, place, t }): Reply {
    if (!readingEvents.available(place)) return { kind: 'reading', text: t('reading.events.none'), ephemeral: true };
    const on = String(options.state) === 'on';
    readingEvents.setEnabled(place, on);
    return { kind: 'reading', text: t(on ? 'reading.events.on' : 'reading.events.off') };
  },
};
