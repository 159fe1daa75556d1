import type { Lang } from '../../i18n/index.js';
import type { Question } from '../question.js';
import { utf16Length } from './text.js';

/**
 * Button label limits, in UTF-16 code units: Discord allows 80, Slack 75.
 * One rule for every platform keeps a round looking the same everywhere, so
 * the stricter limit decides.
 */
export const DISCORD_BUTTON_LABEL_MAX = 80;
export const SLACK_BUTTON_LABEL_MAX = 75;
export const BUTTON_LABEL_MAX = Math.min(DISCORD_BUTTON_LABEL_MAX, SLACK_BUTTON_LABEL_MAX);

/**
 * True when every choice fits on a button in `lang`. When it is false the
 * round shows the choices in the message and labels the buttons A–D.
 */
export function choicesFitButtons(question: Pick<Question, 'choices'>, lang: Lang): boolean {
  return question.choices.every((choice) => utf16Length(choice[lang]) <= BUTTON_LABEL_MAX);
}
