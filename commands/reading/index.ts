import type { Command } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { add } from './add.js';
import { list } from './list.js';
import { cancel, edit, skip } from './manage.js';
import { ics, reminders } from './calendar.js';
import { events } from './events.js';
import { nominate, nominations, withdraw } from './nominate.js';
import { vote } from './vote.js';
import { feed } from './feed.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/** Reading-group sessions: one command and its verbs (plan, remind, mirror; nominate and vote). */
export default {
  name: 'reading',
  description: 'cmd.reading.description',
  example: 'cmd.reading.example',
  options: [],
  subcommands: [add, list, edit, skip, cancel, ics, reminders, events, feed, nominate, nominations, withdraw, vote],
  execute(): Reply {
    throw new Error('/reading runs through its subcommands');
  },
} satisfies Command<ReadingServices>;
