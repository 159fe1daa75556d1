import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { placeKey } from '../../src/core/invocation.js';
import type { Period } from '../../src/quiz/service.js';
import type { QuizServices } from '../../src/quiz/feature.js';

const PERIODS: readonly Period[] = ['week', 'month', 'all'];

/** /quiz leaderboard [period]: names shown as plain text (adapters escape them), never pinged. */
export const leaderboard: Subcommand<QuizServices> = {
  name: 'leaderboard',
  description: 'cmd.quiz.leaderboard.description',
  example: 'cmd.quiz.leaderboard.example',
  options: [
    {
      name: 'period',
      type: 'string',
      description: 'cmd.quiz.leaderboard.period',
      maxLength: 10,
      choices: PERIODS.map((value) => ({ value, label: value })),
    },
  ],
  execute(options, { quiz, place, settings, defaults, t }): Reply {
    const period = (options.period as Period | undefined) ?? 'week';
    const zone = quiz.zoneOf(place, settings.get(placeKey(place)).timezone ?? defaults.timezone);
    const rows = quiz.leaderboard(place, period, zone);
    const lines = rows.map((row) => t('quiz.leaderboard.row', { rank: row.rank, name: row.userName, correct: row.correct, answered: row.answered }));
    return {
      kind: 'quiz',
      title: t('quiz.leaderboard.title', { period: t(`quiz.period.${period}`) }),
      text: lines.length > 0 ? lines.join('\n') : t('quiz.leaderboard.empty'),
    };
  },
};

/** /quiz stats: the asker's own record in this channel, privately. */
export const stats: Subcommand<QuizServices> = {
  name: 'stats',
  description: 'cmd.quiz.stats.description',
  example: 'cmd.quiz.stats.example',
  options: [],
  execute(_options, { quiz, place, actor, t }): Reply {
    const mine = quiz.stats(place, actor);
    if (mine.answered === 0) return { kind: 'quiz', title: t('quiz.stats.title'), text: t('quiz.stats.none'), ephemeral: true };
    const percent = Math.round((mine.correct / mine.answered) * 100);
    return {
      kind: 'quiz',
      title: t('quiz.stats.title'),
      fields: [
        { name: t('quiz.stats.answered'), value: String(mine.answered), inline: true },
        { name: t('quiz.stats.correct'), value: t('quiz.stats.percent', { correct: mine.correct, percent }), inline: true },
        { name: t('quiz.stats.streak'), value: String(mine.currentStreak), inline: true },
        { name: t('quiz.stats.best'), value: String(mine.bestStreak), inline: true },
      ],
      ephemeral: true,
    };
  },
};
