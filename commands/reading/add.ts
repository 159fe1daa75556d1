import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { placeKey } from '../../src/core/invocation.js';
import { sessionReply } from '../../src/reading/render.js';
import { TITLE_MAX } from '../../src/reading/service.js';
import type { ReadingServices } from '../../src/reading/feature.js';

const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));

/** /reading add title:… when:… [paper] [presenter] [rotation] [repeat] [timezone]: stored in one step and confirmed. */
export const add: Subcommand<ReadingServices> = {
  name: 'add',
  description: 'cmd.reading.add.description',
  example: 'cmd.reading.add.example',
  options: [
    { name: 'title', type: 'string', description: 'cmd.reading.add.title', required: true, maxLength: TITLE_MAX },
    { name: 'when', type: 'string', description: 'cmd.reading.add.when', required: true, maxLength: 80 },
    { name: 'paper', type: 'string', description: 'cmd.reading.add.paper', maxLength: 80, autocomplete: 'any' },
    { name: 'presenter', type: 'user', description: 'cmd.reading.add.presenter', maxLength: 100 },
    { name: 'rotation', type: 'string', description: 'cmd.reading.add.rotation', maxLength: 600 },
    { name: 'repeat', type: 'string', description: 'cmd.reading.add.repeat', maxLength: 80 },
    { name: 'timezone', type: 'string', description: 'cmd.reading.add.timezone', maxLength: 64, autocomplete: 'timezone' },
  ],
  async execute(options, context): Promise<Reply> {
    const { reading, readingEvents, place, actor, settings, defaults, lang, t } = context;
    const placeZone = settings.get(placeKey(place)).timezone ?? defaults.timezone;
    const view = reading.add(
      place,
      actor,
      {
        title: String(options.title),
        when: String(options.when),
        paper: text(options.paper),
        presenter: text(options.presenter),
        rotation: text(options.rotation),
        repeat: text(options.repeat),
        timezone: text(options.timezone),
      },
      placeZone,
      lang,
    );
    const reply = sessionReply(view, 'added', context);
    // Once per server where the bot may not manage Discord's events: how to turn that on, or off.
    return (await readingEvents.hintFor(place)) ? { ...reply, text: [reply.text, t('reading.events.hint')].join('\n\n') } : reply;
  },
};
