/** The question bank's public face: what rounds, commands and start-up use. */
export { loadQuestionBank, inspectQuestionBank, QuizBankError, type BankInspection } from './load.js';
export { choicesFitButtons, BUTTON_LABEL_MAX, DISCORD_BUTTON_LABEL_MAX, SLACK_BUTTON_LABEL_MAX } from './buttons.js';
export { generateFactQuestions, templateOf, FACT_TEMPLATES, type FactTemplate } from './facts/index.js';
export { createQuestionBank, questionBankOnFirstUse } from './bank.js';
