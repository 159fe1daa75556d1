import type { DateTime } from 'luxon';

/**
 * Japanese words chrono-node's Japanese parser does not know, rewritten into
 * forms it does, before parsing:
 * - 明後日/あさって, 明々後日/しあさって and N日後 become the date they name
 *   ("2026年12月4日"), counted from today in the session's zone;
 * - 夜8時 / 晩8時 / 夕方6時 become 20時 / 18時 (evening hours are afternoon
 *   hours), 朝9時 becomes 9時, and 正午 (noon) 12時.
 * Anything else is left for chrono, and what it cannot read is refused.
 */
export function rewriteJapanese(text: string, today: DateTime): string {
  const dateIn = (days: number) => {
    const day = today.plus({ days });
    return `${day.year}年${day.month}月${day.day}日`;
  };
  return text
    .replace(/明々後日|明明後日|しあさって/g, () => dateIn(3))
    .replace(/明後日|あさって/g, () => dateIn(2))
    .replace(/(?<!\d)(\d{1,3})\s*日後/g, (_, n: string) => dateIn(Number(n)))
    .replace(/(?:夜|晩|夕方)\s*の?\s*(\d{1,2})(?=\s*時)/g, (whole, n: string) => (Number(n) >= 1 && Number(n) <= 11 ? String(Number(n) + 12) : whole))
    .replace(/朝\s*の?\s*(?=\d{1,2}\s*時)/g, '')
    .replace(/正午/g, '12時');
}
