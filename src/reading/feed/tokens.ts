import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../store/db.js';
import type { Lang } from '../../i18n/index.js';

/** 24 random bytes: 192 bits, 32 base64url characters. */
const TOKEN_BYTES = 24;
/** What a token can look like; anything else is refused before the database is asked. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** Whose feed a token opens. */
export interface FeedGrant {
  channelKey: string;
  lang: Lang;
}

/**
 * Feed tokens, kept only as SHA-256 hashes: the database (or a backup of it)
 * never holds a working URL. Each member has their own token per channel,
 * made when they first ask and shown to them alone; asking again replaces it
 * (the old one cannot be shown again, since it is not stored). A rotation
 * ends every token of the channel. A request is looked up by the hash of what
 * it brings, so how long a lookup takes says nothing about which tokens exist.
 */
export class FeedTokenStore {
  private readonly put;
  private readonly find;
  private readonly dropChannel;

  constructor(readonly db: Db) {
    this.put = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO reading_feed_tokens (token_hash, channel_key, user_id, lang, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel_key, user_id) DO UPDATE SET token_hash = excluded.token_hash, lang = excluded.lang, created_at = excluded.created_at`,
    );
    this.find = db.prepare<[string], { channel_key: string; lang: Lang }>('SELECT channel_key, lang FROM reading_feed_tokens WHERE token_hash = ?');
    this.dropChannel = db.prepare<[string]>('DELETE FROM reading_feed_tokens WHERE channel_key = ?');
  }

  /** A new token for this member in this channel (their previous one stops working). */
  issue(channelKey: string, userId: string, lang: Lang, at: Date): string {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    this.put.run(hashOf(token), channelKey, userId, lang, at.toISOString());
    return token;
  }

  /** Ends every token of the channel and gives this member a new one, in one transaction. */
  rotate(channelKey: string, userId: string, lang: Lang, at: Date): string {
    return this.db.transaction(() => {
      this.dropChannel.run(channelKey);
      return this.issue(channelKey, userId, lang, at);
    }).immediate();
  }

  /** The channel a token opens, or undefined for a wrong, old or malformed one. */
  grant(token: string): FeedGrant | undefined {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    const row = this.find.get(hashOf(token));
    return row ? { channelKey: row.channel_key, lang: row.lang } : undefined;
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
