import type { Db } from '../../store/db.js';

/** A meeting mirrored into a platform's events list: claimed, then its event's id and the hash of what was sent. */
export interface MirrorRow {
  id: number;
  sessionId: number;
  index: number;
  platform: string;
  scope: string;
  startsAt: Date;
  state: 'claimed' | 'synced';
  eventId?: string;
  hash?: string;
}

interface Row {
  id: number;
  session_id: number;
  idx: number;
  platform: string;
  scope: string;
  starts_at: string;
  state: 'claimed' | 'synced';
  event_id: string | null;
  synced_hash: string | null;
}

function fromRow(row: Row): MirrorRow {
  return {
    id: row.id,
    sessionId: row.session_id,
    index: row.idx,
    platform: row.platform,
    scope: row.scope,
    startsAt: new Date(row.starts_at),
    state: row.state,
    ...(row.event_id ? { eventId: row.event_id } : {}),
    ...(row.synced_hash ? { hash: row.synced_hash } : {}),
  };
}

export interface NewMirrorRow {
  sessionId: number;
  index: number;
  platform: string;
  scope: string;
  startsAt: Date;
}

/**
 * The mirror's rows (migration 0012). The UNIQUE (session, index) insert is
 * the claim; each call to the platform for a row is covered by a short lease
 * with its holder's name, so a second process leaves a row in hand alone and
 * takes over one whose holder died.
 */
export class GuildEventStore {
  private readonly claimRow;
  private readonly inScope;
  private readonly scopes;
  private readonly leaseRow;
  private readonly recordRow;
  private readonly forgetRow;

  constructor(db: Db) {
    this.claimRow = db.prepare<Record<string, string | number>, { id: number }>(
      `INSERT INTO reading_guild_events (session_id, idx, platform, scope, starts_at, state, lease_owner, lease_until)
       VALUES (@session, @idx, @platform, @scope, @starts, 'claimed', @owner, @until) ON CONFLICT (session_id, idx) DO NOTHING RETURNING id`,
    );
    this.inScope = db.prepare<[string, string], Row>('SELECT * FROM reading_guild_events WHERE platform = ? AND scope = ? ORDER BY id');
    this.scopes = db.prepare<[], { platform: string; scope: string }>('SELECT DISTINCT platform, scope FROM reading_guild_events');
    this.leaseRow = db.prepare<[string, string, number, string, string]>(
      'UPDATE reading_guild_events SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)',
    );
    this.recordRow = db.prepare<[string, string, string, number]>(
      `UPDATE reading_guild_events SET state = 'synced', event_id = ?, synced_hash = ?, starts_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?`,
    );
    this.forgetRow = db.prepare<[number]>('DELETE FROM reading_guild_events WHERE id = ?');
  }

  /** The claim: the new row's id, or undefined when this meeting already has a row. */
  claim(row: NewMirrorRow, owner: string, until: Date): number | undefined {
    return this.claimRow.get({
      session: row.sessionId,
      idx: row.index,
      platform: row.platform,
      scope: row.scope,
      starts: row.startsAt.toISOString(),
      owner,
      until: until.toISOString(),
    })?.id;
  }

  rowsIn(platform: string, scope: string): MirrorRow[] {
    return this.inScope.all(platform, scope).map(fromRow);
  }

  /** Every server that has rows (a server whose sessions all ended still has events to remove). */
  scopesWithRows(): { platform: string; scope: string }[] {
    return this.scopes.all();
  }

  /** Takes or renews the lease on a row; false while another worker's lease holds. */
  lease(id: number, owner: string, now: Date, until: Date): boolean {
    return this.leaseRow.run(owner, until.toISOString(), id, owner, now.toISOString()).changes > 0;
  }

  /** The event exists and shows what `hash` describes; the lease ends. */
  record(id: number, eventId: string, hash: string, startsAt: Date): void {
    this.recordRow.run(eventId, hash, startsAt.toISOString(), id);
  }

  forget(id: number): void {
    this.forgetRow.run(id);
  }
}

/** Per server: the switch (on unless turned off), the last permission check, the one-time hint. */
export class EventSettingsStore {
  private readonly read;
  private readonly upsertEnabled;
  private readonly upsertPermission;
  private readonly markHinted;

  constructor(db: Db) {
    this.read = db.prepare<[string, string], { enabled: number; permission: string | null; hinted_at: string | null }>(
      'SELECT enabled, permission, hinted_at FROM reading_event_settings WHERE platform = ? AND scope = ?',
    );
    this.upsertEnabled = db.prepare<[string, string, number]>(
      `INSERT INTO reading_event_settings (platform, scope, enabled) VALUES (?, ?, ?)
       ON CONFLICT (platform, scope) DO UPDATE SET enabled = excluded.enabled`,
    );
    this.upsertPermission = db.prepare<[string, string, string]>(
      `INSERT INTO reading_event_settings (platform, scope, permission) VALUES (?, ?, ?)
       ON CONFLICT (platform, scope) DO UPDATE SET permission = excluded.permission`,
    );
    // Once per server: only the first caller turns hinted_at from NULL.
    this.markHinted = db.prepare<[string, string, string]>(
      `INSERT INTO reading_event_settings (platform, scope, hinted_at) VALUES (?, ?, ?)
       ON CONFLICT (platform, scope) DO UPDATE SET hinted_at = excluded.hinted_at WHERE hinted_at IS NULL`,
    );
  }

  enabled(platform: string, scope: string): boolean {
    return (this.read.get(platform, scope)?.enabled ?? 1) === 1;
  }

  setEnabled(platform: string, scope: string, on: boolean): void {
    this.upsertEnabled.run(platform, scope, on ? 1 : 0);
  }

  /** What the last check said; undefined before the first. */
  permission(platform: string, scope: string): 'allowed' | 'missing' | undefined {
    const value = this.read.get(platform, scope)?.permission;
    return value === 'allowed' || value === 'missing' ? value : undefined;
  }

  setPermission(platform: string, scope: string, permission: 'allowed' | 'missing'): void {
    this.upsertPermission.run(platform, scope, permission);
  }

  /** True for the one caller that gets to give this server the hint. */
  takeHint(platform: string, scope: string, at: Date): boolean {
    return this.markHinted.run(platform, scope, at.toISOString()).changes > 0;
  }
}
