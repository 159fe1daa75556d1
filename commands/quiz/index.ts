import type { Command, Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { practiceReply } from '../../src/quiz/render.js';
import { schedule } from './schedule.js';
import { reveal, stop } from './manage.js';
import { leaderboard, stats } from './scores.js';
import type { QuizServices } from '../../src/quiz/feature.js';

/** /quiz now: a practice question for the asker alone, answered by its buttons, never scored. */
const now: Subcommand<QuizServices> = {
  name: 'now',
  description: 'cmd.quiz.now.description',
  example: 'cmd.quiz.now.example',
  options: [],
  execute(_options, { quiz, actor, lang }): Reply {
    const { question, order } = quiz.practice(actor);
    return practiceReply(question, order, lang);
  },
};

/** The daily paper quiz: one command, six verbs. */
export default {
  name: 'quiz',
  description: 'cmd.quiz.description',
  example: 'cmd.quiz.example',
  options: [],
  subcommands: [now, schedule, stop, reveal, leaderboard, stats],
  execute(): Reply {
    // Dispatch always runs a verb; a call without one is answered with the list before reaching here.
    throw new Error('/quiz runs through its subcommands');
  },
} satisfies Command<QuizServices>;
