import type { Platform } from '../../core/invocation.js';
import type { Repeat } from '../time/repeat.js';
import { cleanName } from '../../core/text.js';
import type { Db } from '../../store/db.js';

/** A member named in a session: `id` when the platform gave one (a mention), else only a name (the console). */
export interface Person {
  id?: string;
  name: string;
}

export interface ReadingSession {
  id: number;
  channelKey: string;
  platform: Platform;
  scope: string;
  channel: string;
  title: string;
  /** A catalog id or an arXiv id (`arxiv:2004.04730`). */
  paper?: string;
  presenter?: Person;
  /** Presenters in turn, one per held occurrence. */
  rotation?: Person[];
  repeat?: Repeat;
  zone: string;
  firstStart: Date;
  /** Occurrences before the last change of time; the series counts on from here. */
  indexBase: number;
  durationMinutes: number;
  lang: 'ja' | 'en';
  createdBy: string;
  createdAt: Date;
  cancelledAt?: Date;
}

export type NewSession = Omit<ReadingSession, 'id' | 'cancelledAt' | 'indexBase'>;

interface Row {
  id: number;
  channel_key: string;
  platform: Platform;
  scope: string;
  channel: string;
  title: string;
  paper: string | null;
  presenter: string | null;
  rotation: string | null;
  repeat: string | null;
  zone: string;
  first_start: string;
  index_base: number;
  duration_minutes: number;
  lang: 'ja' | 'en';
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
}

function cleanPerson(person: Person): Person {
  return { ...person, name: cleanName(person.name, person.id ?? '?') };
}

function fromRow(row: Row): ReadingSession {
  return {
    id: row.id,
    channelKey: row.channel_key,
    platform: row.platform,
    scope: row.scope,
    channel: row.channel,
    // Titles and names are cleaned where they are typed (reading/service.ts, people.ts); again here for rows of earlier releases.
    title: cleanName(row.title, `#${row.id}`),
    ...(row.paper ? { paper: row.paper } : {}),
    ...(row.presenter ? { presenter: cleanPerson(JSON.parse(row.presenter) as Person) } : {}),
    ...(row.rotation ? { rotation: (JSON.parse(row.rotation) as Person[]).map(cleanPerson) } : {}),
    ...(row.repeat ? { repeat: JSON.parse(row.repeat) as Repeat } : {}),
    zone: row.zone,
    firstStart: new Date(row.first_start),
    indexBase: row.index_base,
    durationMinutes: row.duration_minutes,
    lang: row.lang,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    ...(row.cancelled_at ? { cancelledAt: new Date(row.cancelled_at) } : {}),
  };
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Sessions: the series' definition. What happens at each meeting lives in reading_occurrences. */
export class ReadingSessionStore {
  private readonly insert;
  private readonly byId;
  private readonly inChannel;
  private readonly active;
  private readonly cancel;
  private readonly update;

  constructor(readonly db: Db) {
    this.insert = db.prepare<Record<string, string | number | null>, { id: number }>(
      `INSERT INTO reading_sessions (channel_key, platform, scope, channel, title, paper, presenter, rotation, repeat, zone, first_start, duration_minutes, lang, created_by, created_at)
       VALUES (@channel_key, @platform, @scope, @channel, @title, @paper, @presenter, @rotation, @repeat, @zone, @first_start, @duration_minutes, @lang, @created_by, @created_at) RETURNING id`,
    );
    this.byId = db.prepare<[number], Row>('SELECT * FROM reading_sessions WHERE id = ?');
    this.inChannel = db.prepare<[string], Row>('SELECT * FROM reading_sessions WHERE channel_key = ? AND cancelled_at IS NULL ORDER BY first_start, id');
    this.active = db.prepare<[], Row>('SELECT * FROM reading_sessions WHERE cancelled_at IS NULL ORDER BY id');
    this.cancel = db.prepare<[string, number]>('UPDATE reading_sessions SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL');
    this.update = db.prepare<Record<string, string | number | null>>(
      `UPDATE reading_sessions SET paper = @paper, presenter = @presenter, first_start = @first_start, index_base = @index_base WHERE id = @id`,
    );
  }

  /** Runs `work` in one IMMEDIATE transaction (read-then-write without a race). */
  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  add(session: NewSession): number {
    const row = this.insert.get({
      channel_key: session.channelKey,
      platform: session.platform,
      scope: session.scope,
      channel: session.channel,
      title: session.title,
      paper: session.paper ?? null,
      presenter: json(session.presenter),
      rotation: json(session.rotation),
      repeat: json(session.repeat),
      zone: session.zone,
      first_start: session.firstStart.toISOString(),
      duration_minutes: session.durationMinutes,
      lang: session.lang,
      created_by: session.createdBy,
      created_at: session.createdAt.toISOString(),
    });
    if (!row) throw new Error('reading session insert returned no id');
    return row.id;
  }

  get(id: number): ReadingSession | undefined {
    const row = this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  channelSessions(channelKey: string): ReadingSession[] {
    return this.inChannel.all(channelKey).map(fromRow);
  }

  activeSessions(): ReadingSession[] {
    return this.active.all().map(fromRow);
  }

  markCancelled(id: number, at: Date): boolean {
    return this.cancel.run(at.toISOString(), id).changes > 0;
  }

  save(session: Pick<ReadingSession, 'id' | 'paper' | 'presenter' | 'firstStart' | 'indexBase'>): void {
    this.update.run({
      id: session.id,
      paper: session.paper ?? null,
      presenter: json(session.presenter),
      first_start: session.firstStart.toISOString(),
      index_base: session.indexBase,
    });
  }
}
