import type { Catalog } from '../catalog/catalog.js';
import type { ButtonHandler } from '../core/buttons.js';
import type { Reply } from '../core/reply.js';
import { parseQuizButton, QUIZ_BUTTON_PATTERN } from './buttons.js';
import { choiceName, practiceResult } from './render.js';
import type { QuizService } from './service.js';

/**
 * Quiz buttons: an answer to a posted round (recorded privately, changeable
 * until the reveal) or a practice answer (explained at once, not scored).
 */
export function quizButtons(quiz: QuizService, catalog: Catalog): ButtonHandler {
  return {
    pattern: QUIZ_BUTTON_PATTERN,
    handle(id, { actor, lang, t }): Reply {
      const button = parseQuizButton(id);
      if (!button) return { kind: 'error', text: t('error.unknownButton') };
      if (button.type === 'practice') {
        const question = quiz.bank.get(button.questionId);
        if (!question) return { kind: 'error', text: t('error.unknownButton') };
        return practiceResult(question, button.order, button.choice, lang, catalog);
      }
      const outcome = quiz.answer(button.roundId, actor, button.choice);
      if (outcome === 'missing') return { kind: 'error', text: t('quiz.answer.missing') };
      if (outcome === 'closed') return { kind: 'quiz', text: t('quiz.answer.closed') };
      const round = quiz.round(button.roundId);
      const choice = round ? choiceName(round.question, round.choiceOrder, button.choice, lang) : String(button.choice + 1);
      const key = outcome === 'recorded' ? 'quiz.answer.recorded' : outcome === 'changed' ? 'quiz.answer.changed' : 'quiz.answer.unchanged';
      return { kind: 'quiz', text: t(key, { choice }) };
    },
  };
}
