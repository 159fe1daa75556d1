/**
 * Quiz button ids (DESIGN.md: short and versioned). The handler re-reads the
 * round or question and trusts nothing here beyond which one was meant.
 *   q1:a:<round>:<choice>                  an answer to a posted round
 *   q1:p:<question>:<choice>:<order>       a practice answer (order = the shown order, "2031")
 * Choices are stored indexes, so the shown order never changes what counts.
 */
export const QUIZ_BUTTON_PATTERN = /^q1:/;

export function answerButtonId(roundId: number, choice: number): string {
  return `q1:a:${roundId}:${choice}`;
}

export function practiceButtonId(questionId: string, choice: number, order: readonly number[]): string {
  return `q1:p:${questionId}:${choice}:${order.join('')}`;
}

export type QuizButton =
  | { type: 'answer'; roundId: number; choice: number }
  | { type: 'practice'; questionId: string; choice: number; order: number[] };

export function parseQuizButton(id: string): QuizButton | undefined {
  const answer = /^q1:a:(\d{1,12}):([0-3])$/.exec(id);
  if (answer) return { type: 'answer', roundId: Number(answer[1]), choice: Number(answer[2]) };
  const practice = /^q1:p:([a-z0-9][a-z0-9-]{0,79}):([0-3]):([0-3]{4})$/.exec(id);
  if (practice) {
    const order = [...(practice[3] ?? '')].map(Number);
    if (new Set(order).size !== 4) return undefined;
    return { type: 'practice', questionId: practice[1] ?? '', choice: Number(practice[2]), order };
  }
  return undefined;
}
