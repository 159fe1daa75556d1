import { createHash } from 'node:crypto';
import type { Catalog } from '../../catalog/catalog.js';
import type { Clock } from '../../core/clock.js';
import { UserError } from '../../core/errors.js';
import { channelKeyOf, type Actor, type Place } from '../../core/invocation.js';
import type { Logger } from '../../core/logger.js';
import type { Lang } from '../../i18n/index.js';
import type { Db } from '../../store/db.js';
import { channelCalendar } from '../calendar.js';
import type { ReadingService } from '../service.js';
import type { ReadingSession } from '../store/sessions.js';
import type { FeedTokenStore } from './tokens.js';

/** A cancelled session stays in the feed this long, as STATUS:CANCELLED, so subscribed calendars drop it. */
const KEEP_CANCELLED_DAYS = 60;
const DAY_MS = 86_400_000;

/** A member's feed address, in the two forms calendar apps take. */
export type FeedLink = { kind: 'link'; https: string; webcal: string; rotated: boolean } | { kind: 'noPublicUrl' };

/** The calendar a feed request gets, with the validator that stands for its bytes. */
export interface FeedBody {
  body: string;
  /** A strong ETag: the body is the same bytes for the same sessions (DTSTAMP is each session's last change). */
  etag: string;
}

export interface ReadingFeedDeps {
  db: Db;
  tokens: FeedTokenStore;
  reading: ReadingService;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  /** PUBLIC_URL: how the outside world reaches this bot's HTTP server; without it there is no address to give. */
  publicUrl?: string | undefined;
}

/** The path feeds are served under; the token (and `.ics`) is the one segment below it. */
export const FEED_PATH = '/reading/feed';

/**
 * A channel's sessions as a calendar people subscribe to: the same calendar
 * as /reading ics, at an address with a secret token in it (feed/tokens.ts).
 */
export class ReadingFeed {
  private readonly channelSessionIds;

  constructor(private readonly deps: ReadingFeedDeps) {
    this.channelSessionIds = deps.db.prepare<[string, string], { id: number }>(
      'SELECT id FROM reading_sessions WHERE channel_key = ? AND (cancelled_at IS NULL OR cancelled_at >= ?) ORDER BY first_start, id',
    );
  }

  /** This member's address for the channel's feed: made now (any earlier one of theirs stops working). */
  link(place: Place, actor: Actor, lang: Lang): FeedLink {
    if (!this.deps.publicUrl) return { kind: 'noPublicUrl' };
    const token = this.deps.tokens.issue(channelKeyOf(place), actor.id, lang, this.deps.clock.now());
    return this.addresses(token, false);
  }

  /** Managers: ends every address of the channel's feed and gives this one a new one. */
  rotate(place: Place, actor: Actor, lang: Lang): FeedLink {
    if (!actor.manager) throw new UserError('error.reading.feed.managersOnly', {});
    if (!this.deps.publicUrl) return { kind: 'noPublicUrl' };
    const token = this.deps.tokens.rotate(channelKeyOf(place), actor.id, lang, this.deps.clock.now());
    this.deps.logger.info({ channel: channelKeyOf(place), by: actor.id }, 'reading: feed addresses rotated');
    return this.addresses(token, true);
  }

  /** The calendar behind a token, or undefined for any token that opens nothing. */
  calendar(token: string): FeedBody | undefined {
    const grant = this.deps.tokens.grant(token);
    if (!grant) return undefined;
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - KEEP_CANCELLED_DAYS * DAY_MS).toISOString();
    const sessions = this.channelSessionIds
      .all(grant.channelKey, since)
      .map((row) => this.deps.reading.get(row.id))
      .filter((session): session is ReadingSession => session !== undefined);
    const body = channelCalendar(sessions, this.deps.reading, this.deps.catalog, grant.lang, now);
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }

  private addresses(token: string, rotated: boolean): FeedLink {
    const base = (this.deps.publicUrl ?? '').replace(/\/+$/, '');
    const https = `${base}${FEED_PATH}/${token}.ics`;
    return { kind: 'link', https, webcal: https.replace(/^https?:\/\//, 'webcal://'), rotated };
  }
}
