import type { Platform } from '../../core/invocation.js';
import type { Db } from '../../store/db.js';

export interface QuizSchedule {
  channelKey: string;
  platform: Platform;
  scope: string;
  channel: string;
  hour: number;
  minute: number;
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  timezone: string;
  revealAfterMinutes: number;
  active: boolean;
  disabledReason?: string;
  createdBy: string;
  /**
   * The moment from which the schedule applies: a round due earlier is never
   * posted late. Set when a channel's quiz starts (or starts again after a
   * stop); kept when an active schedule is changed, so moving today's round to
   * another zone or time before it was posted does not skip the day — the
   * round for the local date still comes once (UNIQUE channel + date), at the
   * new time, or at once if that is already past but inside the grace window.
   * Stored in the `updated_at` column (its name is historical; no migration).
   */
  appliesFrom: Date;
}

interface Row {
  channel_key: string;
  platform: Platform;
  scope: string;
  channel: string;
  hour: number;
  minute: number;
  days: string;
  timezone: string;
  reveal_after: number;
  active: number;
  disabled_reason: string | null;
  created_by: string;
  updated_at: string;
}


/** One quiz schedule per channel; saving again replaces it. */
export class QuizScheduleStore {
  private readonly upsert;
  private readonly selectOne;
  private readonly selectActive;
  private readonly setInactive;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO quiz_schedules (channel_key, platform, scope, channel, hour, minute, days, timezone, reveal_after, active, disabled_reason, created_by, updated_at)
       VALUES (@channel_key, @platform, @scope, @channel, @hour, @minute, @days, @timezone, @reveal_after, 1, NULL, @created_by, @updated_at)
       ON CONFLICT (channel_key) DO UPDATE SET hour = excluded.hour, minute = excluded.minute, days = excluded.days,
         timezone = excluded.timezone, reveal_after = excluded.reveal_after, active = 1, disabled_reason = NULL,
         created_by = excluded.created_by,
         updated_at = CASE WHEN quiz_schedules.active = 1 THEN quiz_schedules.updated_at ELSE excluded.updated_at END`,
    );
    this.selectOne = db.prepare<[string], Row>('SELECT * FROM quiz_schedules WHERE channel_key = ?');
    this.selectActive = db.prepare<[], Row>('SELECT * FROM quiz_schedules WHERE active = 1');
    this.setInactive = db.prepare<[string | null, string, string]>(
      'UPDATE quiz_schedules SET active = 0, disabled_reason = ?, updated_at = ? WHERE channel_key = ?',
    );
  }

  save(schedule: Omit<QuizSchedule, 'active' | 'disabledReason'>): void {
    this.upsert.run({
      channel_key: schedule.channelKey,
      platform: schedule.platform,
      scope: schedule.scope,
      channel: schedule.channel,
      hour: schedule.hour,
      minute: schedule.minute,
      days: [...schedule.days].sort((a, b) => a - b).join(','),
      timezone: schedule.timezone,
      reveal_after: schedule.revealAfterMinutes,
      created_by: schedule.createdBy,
      updated_at: schedule.appliesFrom.toISOString(),
    });
  }

  get(channelKey: string): QuizSchedule | undefined {
    const row = this.selectOne.get(channelKey);
    return row && fromRow(row);
  }

  active(): QuizSchedule[] {
    return this.selectActive.all().map(fromRow);
  }

  /** Stops a schedule: by a manager (no reason) or because the channel is gone or closed to us. Starting it again applies from then. */
  disable(channelKey: string, at: Date, reason?: string): boolean {
    return this.setInactive.run(reason ?? null, at.toISOString(), channelKey).changes > 0;
  }
}

function fromRow(row: Row): QuizSchedule {
  return {
    channelKey: row.channel_key,
    platform: row.platform,
    scope: row.scope,
    channel: row.channel,
    hour: row.hour,
    minute: row.minute,
    days: row.days.split(',').map(Number),
    timezone: row.timezone,
    revealAfterMinutes: row.reveal_after,
    active: row.active === 1,
    ...(row.disabled_reason ? { disabledReason: row.disabled_reason } : {}),
    createdBy: row.created_by,
    appliesFrom: new Date(row.updated_at),
  };
}
