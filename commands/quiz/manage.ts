import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import type { QuizServices } from '../../src/quiz/feature.js';

/** /quiz stop: managers only; the schedule stops, scores stay. */
export const stop: Subcommand<QuizServices> = {
  name: 'stop',
  description: 'cmd.quiz.stop.description',
  example: 'cmd.quiz.stop.example',
  needsManager: true,
  options: [],
  execute(_options, { quiz, place, t }): Reply {
    const { hadOpenRound } = quiz.stop(place);
    return { kind: 'quiz', text: [t('quiz.stop.done'), ...(hadOpenRound ? [t('quiz.stop.openRound')] : [])].join('\n') };
  },
};

/** /quiz reveal: managers only; the open round is revealed now instead of at its time. */
export const reveal: Subcommand<QuizServices> = {
  name: 'reveal',
  description: 'cmd.quiz.reveal.description',
  example: 'cmd.quiz.reveal.example',
  needsManager: true,
  options: [],
  async execute(_options, { quiz, place, t }): Promise<Reply> {
    await quiz.revealNow(place);
    return { kind: 'quiz', text: t('quiz.reveal.done'), ephemeral: true };
  },
};
