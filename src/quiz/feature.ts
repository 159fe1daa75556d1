import type { FeatureModule } from '../core/feature.js';
import { placeKey, type Platform } from '../core/invocation.js';
import { loadQuestionBank, questionBankOnFirstUse } from './bank/index.js';
import type { RevealBriefs } from './briefs.js';
import { quizButtons } from './button-handler.js';
import { quizMigrations } from './migrations.js';
import { QuizRunner } from './runner.js';
import { QuizService } from './service.js';
import { QuizAnswerStore } from './store/answers.js';
import { QuizRoundStore } from './store/rounds.js';
import { QuizScheduleStore } from './store/schedules.js';

/** What the quiz's commands find in their context. */
export interface QuizServices {
  quiz: QuizService;
}

export interface QuizOptions {
  /** Folder of curated questions (data/quiz). */
  quizDir: string;
  /** Read the bank when a question is first needed rather than now (the one-shot CLI). */
  bankOnFirstUse?: boolean;
  /** A missed round is still posted this long after its time. */
  graceMinutes: number;
  /** Short summaries at the reveal, when summaries are on. */
  briefs?: RevealBriefs;
  /** Tests drive live-count waits themselves. */
  liveCountWait?: ConstructorParameters<typeof QuizRunner>[0]['liveCountWait'];
}

/** The daily quiz: schedules, rounds, answers, reveals and the league. */
export const quizFeature = {
  name: 'quiz',
  migrations: quizMigrations,
  create(host, options) {
    const load = () => loadQuestionBank(options.quizDir, host.catalog);
    const bank = options.bankOnFirstUse ? questionBankOnFirstUse(load) : load();
    const schedules = new QuizScheduleStore(host.db);
    const rounds = new QuizRoundStore(host.db);
    const answers = new QuizAnswerStore(host.db);
    const runner = new QuizRunner({
      schedules,
      rounds,
      answers,
      bank,
      catalog: host.catalog,
      clock: host.clock,
      publisher: host.publisher,
      logger: host.logger,
      langOf: (place) => host.settings.get(placeKey({ platform: place.platform as Platform, scope: place.scope, channel: '' })).language ?? host.defaults.lang,
      graceMinutes: options.graceMinutes,
      keys: host.keys,
      worker: host.worker,
      ...(host.fault ? { fault: host.fault } : {}),
      ...(host.observe ? { observe: host.observe } : {}),
      ...(options.briefs ? { briefs: options.briefs } : {}),
      ...(options.liveCountWait ? { liveCountWait: options.liveCountWait } : {}),
    });
    const quiz = new QuizService({ schedules, rounds, answers, bank, runner, clock: host.clock, logger: host.logger });
    return {
      name: 'quiz',
      services: { quiz },
      buttons: [quizButtons(quiz, host.catalog)],
      tick: () => runner.tick(),
      idle: () => runner.idle(),
      runner,
    };
  },
} satisfies FeatureModule<QuizServices, QuizOptions>;
