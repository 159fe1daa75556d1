import { DateTime } from 'luxon';
import type { WeekModifier } from './weekday-words.js';

/**
 * Which date a weekday phrase names. One rule for both languages, with weeks
 * running Monday to Sunday (ISO, as on Japanese business calendars and in
 * most of Europe):
 *
 * - bare "Friday" / 金曜, "coming Friday" / 次の金曜: the first Friday whose
 *   time is still ahead — today, if today is Friday and the time has not
 *   passed, otherwise the next one;
 * - "this Friday" / 今週の金曜: the Friday of the current week, which may be
 *   past (then the caller refuses it as a past time rather than guessing);
 * - "next Friday" / 来週の金曜: the Friday of NEXT week. Said on a Wednesday,
 *   that is nine days away, not two — "next Friday" in English is ambiguous,
 *   and we settle it the way 来週の金曜 is settled, so both languages agree.
 *   On Saturday and Sunday next week's Friday is also the coming one, which is
 *   what people mean then anyway;
 * - "the week after next Friday" / 再来週の金曜: the Friday two weeks on.
 *
 * The reply always spells out the date with its weekday, so a reader who
 * meant the other Friday sees it at once.
 */
export function dateForWeekday(
  today: DateTime,
  isoWeekday: number,
  modifier: WeekModifier | undefined,
  isAhead: (date: DateTime) => boolean,
): DateTime {
  const day = today.startOf('day');
  if (modifier === undefined || modifier === 'coming') {
    let candidate = day.plus({ days: (isoWeekday - day.weekday + 7) % 7 });
    if (!isAhead(candidate)) candidate = candidate.plus({ weeks: 1 });
    return candidate;
  }
  const weeksAhead = modifier === 'this' ? 0 : modifier === 'next' ? 1 : 2;
  const monday = day.minus({ days: day.weekday - 1 });
  return monday.plus({ weeks: weeksAhead, days: isoWeekday - 1 });
}
