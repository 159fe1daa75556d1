import type { Catalog } from '../catalog/catalog.js';
import type { Reply, ReplyButton, ReplyLink } from '../core/reply.js';
import { translator, type Lang } from '../i18n/index.js';
import { arxivUrl } from '../present/format.js';
import { formatLocal } from '../schedule/weekly.js';
import type { Round } from './store/rounds.js';
import type { AnswerRow } from './store/answers.js';
import type { Question } from './question.js';
import { answerButtonId, practiceButtonId } from './buttons.js';
import { choicesFitButtons } from './bank/index.js';

const LETTERS = ['A', 'B', 'C', 'D'];

/** Choices as button labels when they all fit; otherwise listed in the text and labelled A–D. */
function choiceLayout(question: Question, order: readonly number[], lang: Lang): { lines: string[]; labels: string[] } {
  const texts = order.map((index) => question.choices[index]?.[lang] ?? '');
  if (choicesFitButtons(question, lang)) return { lines: [], labels: texts };
  return { lines: texts.map((text, i) => `${LETTERS[i]}. ${text}`), labels: texts.map((_, i) => LETTERS[i] ?? '?') };
}

/** "B. text" for the choice with stored index `choice`, as the round showed it. */
export function choiceName(question: Question, order: readonly number[], choice: number, lang: Lang): string {
  const position = order.indexOf(choice);
  return `${LETTERS[position] ?? '?'}. ${question.choices[choice]?.[lang] ?? ''}`;
}

/** The round as posted: question, one button per choice, live count; closed at the reveal. */
export function roundReply(round: Round, answerCount: number): Reply {
  const t = translator(round.lang);
  const { lines, labels } = choiceLayout(round.question, round.choiceOrder, round.lang);
  const open = round.state === 'open' || round.state === 'claimed';
  const buttons: ReplyButton[] = round.choiceOrder.map((choice, i) => ({
    id: answerButtonId(round.id, choice),
    label: labels[i] ?? '?',
    style: !open && choice === round.correctChoice ? 'success' : 'secondary',
    disabled: !open,
  }));
  const revealLocal = formatLocal(round.revealAt, round.timezone, round.lang);
  const difficulty = t(`quiz.difficulty.${round.question.difficulty}`);
  return {
    kind: 'quiz',
    title: t('quiz.round.title', { date: round.localDate }),
    text: [round.question.question[round.lang], ...lines].join('\n'),
    fields: [
      { name: t('quiz.round.answers'), value: String(answerCount), inline: true },
      open
        ? { name: t('quiz.round.revealAt'), value: revealLocal, inline: true, times: [round.revealAt.toISOString()] }
        : { name: t('quiz.round.revealAt'), value: t('quiz.round.closed'), inline: true },
    ],
    buttons,
    footer: `${open ? t('quiz.round.howTo') : t('quiz.round.closed')} · ${difficulty}`,
  };
}

/** The reveal, posted into the channel: the answer, why, how the channel did, and where to read more. */
export function revealReply(round: Round, answers: readonly AnswerRow[], catalog: Catalog, brief?: { title: string; text: string }): Reply {
  const t = translator(round.lang);
  const lang = round.lang;
  const right = answers.filter((answer) => answer.choice === round.correctChoice);
  const result =
    answers.length === 0
      ? t('quiz.reveal.nobody')
      : [
          t('quiz.reveal.percent', { correct: right.length, total: answers.length, percent: Math.round((right.length / answers.length) * 100) }),
          ...(right[0] ? [t('quiz.reveal.first', { name: right[0].userName })] : []),
        ].join('\n');
  const more = moreAbout(round.question.source, catalog, lang);
  return {
    kind: 'quiz',
    title: t('quiz.reveal.title', { date: round.localDate }),
    text: round.question.question[lang],
    fields: [
      { name: t('quiz.reveal.answer'), value: choiceName(round.question, round.choiceOrder, round.correctChoice, lang) },
      { name: t('quiz.reveal.explanation'), value: round.question.explanation[lang] },
      { name: t('quiz.reveal.result'), value: result },
      ...(brief ? [{ name: brief.title, value: brief.text }] : []),
      ...(more.command ? [{ name: t('quiz.reveal.more'), value: more.command }] : []),
    ],
    links: more.links,
  };
}

/** A practice question: private, answered by the asker's button press, never scored. */
export function practiceReply(question: Question, order: readonly number[], lang: Lang): Reply {
  const t = translator(lang);
  const { lines, labels } = choiceLayout(question, order, lang);
  return {
    kind: 'quiz',
    title: t('quiz.practice.title'),
    text: [question.question[lang], ...lines].join('\n'),
    buttons: order.map((choice, i) => ({ id: practiceButtonId(question.id, choice, order), label: labels[i] ?? '?', style: 'secondary' })),
    footer: t('quiz.practice.footer'),
    ephemeral: true,
  };
}

/** The private answer to a practice press: right or wrong, the explanation, and more. */
export function practiceResult(question: Question, order: readonly number[], chosen: number, lang: Lang, catalog: Catalog): Reply {
  const t = translator(lang);
  const answer = choiceName(question, order, question.correct, lang);
  const verdict =
    chosen === question.correct
      ? t('quiz.practice.right', { choice: answer })
      : t('quiz.practice.wrong', { chosen: choiceName(question, order, chosen, lang), choice: answer });
  const more = moreAbout(question.source, catalog, lang);
  return {
    kind: 'quiz',
    title: t('quiz.practice.title'),
    text: verdict,
    fields: [
      { name: t('quiz.reveal.question'), value: question.question[lang] },
      { name: t('quiz.reveal.explanation'), value: question.explanation[lang] },
      ...(more.command ? [{ name: t('quiz.reveal.more'), value: more.command }] : []),
    ],
    links: more.links,
    footer: t('quiz.practice.another'),
    ephemeral: true,
  };
}

const COMMAND_FOR_KIND = { model: 'model', dataset: 'dataset', concept: 'search', topic: 'topic', task: 'dataset' } as const;

/** The lookup one command away ("/model X3D") and the paper's link, for a question's source entry. */
function moreAbout(source: string, catalog: Catalog, lang: Lang): { command?: string; links: ReplyLink[] } {
  const found = catalog.get(source);
  if (!found) return { links: [] };
  const name = catalog.displayName(source, lang);
  const command = `/${COMMAND_FOR_KIND[found.kind]} ${name}`;
  const paper = 'paper' in found.entry ? found.entry.paper : undefined;
  const url = arxivUrl(paper) ?? paper?.url;
  return { command, links: url ? [{ label: paper?.title ?? name, url }] : [] };
}
