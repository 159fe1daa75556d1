import type { CommandContext, Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import { placeKey } from '../../src/core/invocation.js';
import { formatClockTime, formatDays, formatDuration } from '../../src/schedule/parse.js';
import { formatLocal } from '../../src/schedule/weekly.js';
import type { QuizServices } from '../../src/quiz/feature.js';

/** /quiz schedule time:HH:MM [timezone] [days] [reveal_after]: managers only; replaces the channel's schedule. */
export const schedule: Subcommand<QuizServices> = {
  name: 'schedule',
  description: 'cmd.quiz.schedule.description',
  example: 'cmd.quiz.schedule.example',
  needsManager: true,
  options: [
    { name: 'time', type: 'string', description: 'cmd.quiz.schedule.time', required: true, maxLength: 20 },
    { name: 'timezone', type: 'string', description: 'cmd.quiz.schedule.timezone', maxLength: 64, autocomplete: 'timezone' },
    { name: 'days', type: 'string', description: 'cmd.quiz.schedule.days', maxLength: 60 },
    { name: 'reveal_after', type: 'string', description: 'cmd.quiz.schedule.revealAfter', maxLength: 20 },
  ],
  execute(options, context): Reply {
    const { quiz, place, actor, settings, defaults, t, lang } = context;
    const placeZone = settings.get(placeKey(place)).timezone ?? defaults.timezone;
    const result = quiz.schedule(
      place,
      actor,
      {
        time: String(options.time),
        timezone: options.timezone === undefined ? undefined : String(options.timezone),
        days: options.days === undefined ? undefined : String(options.days),
        revealAfter: options.reveal_after === undefined ? undefined : String(options.reveal_after),
      },
      placeZone,
    );
    const { schedule: saved } = result;
    const time = formatClockTime(saved);
    return {
      kind: 'quiz',
      title: t('quiz.schedule.title'),
      text: [
        t('quiz.schedule.saved', { time, zone: saved.timezone, days: daysText(saved.days, context), reveal: formatDuration(saved.revealAfterMinutes) }),
        ...(result.replaced ? [t('quiz.schedule.replaced')] : []),
      ].join('\n'),
      fields: [
        {
          name: t('quiz.schedule.next'),
          value: result.next.map((at) => formatLocal(at, saved.timezone, lang)).join('\n'),
          times: result.next.map((at) => at.toISOString()),
        },
      ],
    };
  },
};

function daysText(days: readonly number[], { t, lang }: CommandContext<QuizServices>): string {
  const key = formatDays(new Set(days));
  if (key === 'daily') return t('quiz.days.daily');
  if (key === 'weekdays') return t('quiz.days.weekdays');
  if (key === 'weekends') return t('quiz.days.weekends');
  const names = lang === 'ja' ? ['月', '火', '水', '木', '金', '土', '日'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return t('quiz.days.some', { days: days.map((day) => names[day - 1]).join(lang === 'ja' ? '・' : ', ') });
}
