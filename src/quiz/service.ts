import { DateTime } from 'luxon';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import { channelKeyOf, type Actor, type Place } from '../core/invocation.js';
import { canonicalTimeZone, isTimeZone } from '../core/timezone.js';
import { suggestTimeZones } from '../core/timezone-suggest.js';
import { parseClockTime, parseDays, parseDurationMinutes } from '../schedule/parse.js';
import { nextOccurrences } from '../schedule/weekly.js';
import type { AnswerOutcome, QuizAnswerStore, LeaderRow } from './store/answers.js';
import type { QuizRoundStore, Round } from './store/rounds.js';
import { type QuizSchedule, type QuizScheduleStore } from './store/schedules.js';
import type { Logger } from '../core/logger.js';
import type { Question, QuestionBank } from './question.js';
import type { QuizRunner } from './runner.js';
import { weeklyTimeOf } from './runner.js';
import { seededIndex, shuffledOrder } from './select.js';

export const DEFAULT_REVEAL_MINUTES = 12 * 60;
export const DEFAULT_DAYS = 'daily';

export interface ScheduleInput {
  time: string;
  timezone?: string | undefined;
  days?: string | undefined;
  revealAfter?: string | undefined;
}

export interface ScheduleResult {
  schedule: QuizSchedule;
  replaced: boolean;
  next: Date[];
}

export type Period = 'week' | 'month' | 'all';

export type RankedRow = LeaderRow & { rank: number };

/**
 * Rows already in board order (most correct, then fewest answered); a row
 * that scores exactly as the one above shares its rank. The tie is on the
 * whole sort key, so the order shown and the ranks never disagree.
 */
export function competitionRanks(rows: readonly LeaderRow[]): RankedRow[] {
  const ranked: RankedRow[] = [];
  rows.forEach((row, index) => {
    const above = ranked[index - 1];
    const tied = above !== undefined && above.correct === row.correct && above.answered === row.answered;
    ranked.push({ ...row, rank: tied ? above.rank : index + 1 });
  });
  return ranked;
}

export interface QuizStats {
  answered: number;
  correct: number;
  currentStreak: number;
  bestStreak: number;
}

/**
 * What the /quiz commands and buttons ask of the quiz: every rule lives here
 * (validation, one schedule per channel, one answer per person), the
 * commands only turn results into words.
 */
export class QuizService {
  constructor(
    private readonly deps: {
      schedules: QuizScheduleStore;
      rounds: QuizRoundStore;
      answers: QuizAnswerStore;
      bank: QuestionBank;
      runner: QuizRunner;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  get bank(): QuestionBank {
    return this.deps.bank;
  }

  /** Validates everything first — a bad time, zone or day list stores nothing — then saves. */
  schedule(place: Place, actor: Actor, input: ScheduleInput, placeZone: string): ScheduleResult {
    if (!place.channel) throw new UserError('error.quiz.noChannel', {});
    const time = parseClockTime(input.time);
    const zone = input.timezone ?? placeZone;
    if (!isTimeZone(zone)) throw new UserError('error.badTimezone', { value: zone.slice(0, 40) }, suggestTimeZones(zone));
    const days = parseDays(input.days ?? DEFAULT_DAYS);
    const revealAfterMinutes = input.revealAfter === undefined ? DEFAULT_REVEAL_MINUTES : parseDurationMinutes(input.revealAfter);
    const channelKey = channelKeyOf(place);
    const replaced = Boolean(this.deps.schedules.get(channelKey)?.active);
    const now = this.deps.clock.now();
    const schedule: QuizSchedule = {
      channelKey,
      platform: place.platform,
      scope: place.scope,
      channel: place.channel,
      hour: time.hour,
      minute: time.minute,
      days: [...days].sort((a, b) => a - b),
      timezone: canonicalTimeZone(zone),
      revealAfterMinutes,
      active: true,
      createdBy: actor.id,
      appliesFrom: now,
    };
    this.deps.schedules.save(schedule);
    this.deps.logger.info({ channel: channelKey, by: actor.id, time: input.time, zone: schedule.timezone }, 'quiz: schedule saved');
    // As stored: a change to an active schedule keeps the moment it applies from (store/quiz-schedules.ts).
    const saved = this.deps.schedules.get(channelKey) ?? schedule;
    return { schedule: saved, replaced, next: nextOccurrences(weeklyTimeOf(saved), now, 3) };
  }

  stop(place: Place): { hadOpenRound: boolean } {
    const channelKey = channelKeyOf(place);
    const current = this.deps.schedules.get(channelKey);
    if (!current?.active) throw new UserError('error.quiz.noSchedule', {});
    this.deps.schedules.disable(channelKey, this.deps.clock.now());
    return { hadOpenRound: Boolean(this.deps.rounds.openIn(channelKey)) };
  }

  /** The channel's open round, revealed now. */
  async revealNow(place: Place): Promise<void> {
    const open = this.deps.rounds.openIn(channelKeyOf(place));
    if (!open) throw new UserError('error.quiz.noOpenRound', {});
    await this.deps.runner.reveal(open);
  }

  /** Records a button press; the live count is refreshed in the background. */
  answer(roundId: number, actor: Actor, choice: number): AnswerOutcome {
    if (!Number.isInteger(choice) || choice < 0 || choice > 3) return 'missing';
    const outcome = this.deps.answers.answer(roundId, actor.id, actor.name ?? actor.id, choice, this.deps.clock.now());
    if (outcome === 'recorded' || outcome === 'changed') {
      this.deps.runner.refresh(roundId).catch((error: unknown) => this.deps.logger.warn({ err: error, round: roundId }, 'quiz: live count not updated'));
    }
    return outcome;
  }

  round(roundId: number): Round | undefined {
    return this.deps.rounds.get(roundId);
  }

  /** A practice question for one person: any question, shown in a fresh order. */
  practice(actor: Actor): { question: Question; order: number[] } {
    const questions = this.deps.bank.questions;
    if (questions.length === 0) throw new UserError('error.quiz.emptyBank', {});
    const seed = `${actor.id}:${this.deps.clock.now().getTime()}`;
    const question = questions[seededIndex(seed, questions.length)] as Question;
    return { question, order: shuffledOrder(question.choices.length, seed) };
  }

  /** The zone a channel's league counts weeks and months in: its schedule's, else the place's. */
  zoneOf(place: Place, placeZone: string): string {
    return this.deps.schedules.get(channelKeyOf(place))?.timezone ?? placeZone;
  }

  /** The period's best, each with a competition rank: equal scores share a place and the next place is skipped (1, 1, 3). */
  leaderboard(place: Place, period: Period, zone: string): RankedRow[] {
    const today = DateTime.fromJSDate(this.deps.clock.now(), { zone });
    const since = period === 'week' ? today.startOf('week') : period === 'month' ? today.startOf('month') : undefined;
    return competitionRanks(this.deps.answers.leaderboard(channelKeyOf(place), since?.toISODate() ?? '0000-00-00'));
  }

  /** Streaks run over the channel's revealed rounds in order: a wrong or missed round ends one. */
  stats(place: Place, actor: Actor): QuizStats {
    const results = this.deps.answers.userRoundResults(channelKeyOf(place), actor.id);
    let streak = 0;
    let best = 0;
    for (const result of results) {
      streak = result.correct ? streak + 1 : 0;
      best = Math.max(best, streak);
    }
    return {
      answered: results.filter((r) => r.answered).length,
      correct: results.filter((r) => r.correct).length,
      currentStreak: streak,
      bestStreak: best,
    };
  }
}
