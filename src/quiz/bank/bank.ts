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
