import { z } from 'zod';
import { DIFFICULTIES } from '../question.js';

/**
 * The format of data/quiz/*.yaml. Each file is `questions:` followed by a
 * list; each question is checked on its own (see curated.ts), so one broken
 * question never hides the problems of the others.
 *
 * Counts and cross-checks (exactly four choices, exactly one correct, distinct
 * choices, known source, unique ids) live in checks.ts, where they can say
 * precisely what is wrong.
 */

export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One language of a text: present, text, and not blank. */
const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing: every text needs both ja and en' : 'must be text') })
  .trim()
  .min(1, 'is empty: every text needs both ja and en');

export const bilingualSchema = z.strictObject({ ja: text, en: text }, { error: 'must be { ja: "…", en: "…" }' });

export const curatedChoiceSchema = z.strictObject(
  { ja: text, en: text, correct: z.boolean({ error: 'must be true or false' }).optional() },
  { error: 'must be { ja: "…", en: "…" } (add correct: true to the right one)' },
);

export const curatedQuestionSchema = z.strictObject({
  id: z.string({ error: 'missing: every question needs an id' }).regex(QUESTION_ID, 'ids are lower-case words joined by dashes, e.g. "i3d-inflation"'),
  source: z.string({ error: 'missing: the catalog id the question comes from, e.g. "i3d"' }).trim().min(1, 'is empty'),
  difficulty: z.enum(DIFFICULTIES, { error: `must be one of ${DIFFICULTIES.join(', ')}` }),
  question: bilingualSchema,
  choices: z.array(curatedChoiceSchema, { error: 'must be a list of 4 choices' }),
  explanation: bilingualSchema,
});
export type CuratedQuestion = z.infer<typeof curatedQuestionSchema>;

/** The file itself; the items are validated one by one. */
export const quizFileSchema = z.strictObject({
  questions: z.array(z.unknown(), { error: 'must be a list of questions' }),
});
