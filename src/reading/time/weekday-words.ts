/**
 * Words that say WHICH week a weekday is in ("next Friday", 来週の金曜).
 * chrono-node reads them inconsistently (its "next Friday" depends on today's
 * weekday, and its Japanese side ignores 来週/再来週 altogether), so we take
 * them out of the text before chrono sees it and apply one rule of our own
 * (see weekday-rule.ts). They are blanked with spaces, not removed, so the
 * positions chrono reports still point into the user's text.
 */

/** How far ahead the named weekday lies, in ISO (Monday-first) weeks. */
export type WeekModifier = 'coming' | 'this' | 'next' | 'afterNext';

export interface ModifierFound {
  /** The text with the modifier words replaced by spaces. */
  text: string;
  modifier: WeekModifier;
  /** The words taken out, for messages. */
  words: string;
}

const EN_WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\b\\.?';
const JA_WEEKDAY = '[月火水木金土日]曜';

/** Checked in order: the longer phrase first, so "this coming" is not read as "this". */
const PATTERNS: Array<{ pattern: RegExp; modifier: WeekModifier }> = [
  { pattern: new RegExp(`\\b(?:the\\s+)?week\\s+after\\s+next(?:'s)?\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'afterNext' },
  { pattern: new RegExp(`\\bthis\\s+coming\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'coming' },
  { pattern: new RegExp(`\\bcoming\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'coming' },
  { pattern: new RegExp(`\\bnext\\s+week(?:'s)?\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'next' },
  { pattern: new RegExp(`\\bnext\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'next' },
  { pattern: new RegExp(`\\bthis\\s+(?=${EN_WEEKDAY})`, 'i'), modifier: 'this' },
  { pattern: new RegExp(`(?<=${EN_WEEKDAY}\\s*)\\s+next\\s+week\\b`, 'i'), modifier: 'next' },
  { pattern: new RegExp(`再来週\\s*の?\\s*(?=${JA_WEEKDAY})`), modifier: 'afterNext' },
  { pattern: new RegExp(`来週\\s*の?\\s*(?=${JA_WEEKDAY})`), modifier: 'next' },
  { pattern: new RegExp(`今週\\s*の?\\s*(?=${JA_WEEKDAY})`), modifier: 'this' },
  // 次の金曜 / 今度の金曜 mean the coming Friday, not next week's.
  { pattern: new RegExp(`(?:次|今度)\\s*の\\s*(?=${JA_WEEKDAY})`), modifier: 'coming' },
];

/** The first week modifier in the text, blanked out; undefined when there is none. */
export function takeWeekModifier(text: string): ModifierFound | undefined {
  for (const { pattern, modifier } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const blanked = text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(match.index + match[0].length);
    return { text: blanked, modifier, words: match[0].trim() };
  }
  return undefined;
}
