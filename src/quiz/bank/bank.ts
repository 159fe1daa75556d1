import type { Question, QuestionBank } from '../question.js';

/** A read-only bank over already-validated questions, in the order given (curated first, then generated). */
export function createQuestionBank(questions: readonly Question[]): QuestionBank {
  const list = Object.freeze([...questions]);
  const byId = new Map(list.map((question) => [question.id, question]));
  return {
    questions: list,
    get: (id) => byId.get(id),
  };
}

/**
 * A bank read the first time a question is asked for. The one-shot CLI
 * (`yomikai ask "/model X3D"`) answers most commands without ever touching the
 * quiz, and reading the curated files and generating the fact questions is a
 * large part of its start-up; the running bot loads its bank at start instead,
 * so a broken bank stops it at once with every problem at its file:line.
 */
export function questionBankOnFirstUse(load: () => QuestionBank): QuestionBank {
  let bank: QuestionBank | undefined;
  const loaded = () => (bank ??= load());
  return {
    get questions() {
      return loaded().questions;
    },
    get: (id) => loaded().get(id),
  };
}
