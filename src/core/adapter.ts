import type { EventMirror } from './event-mirror.js';
import type { Platform } from './invocation.js';
import type { Reply } from './reply.js';

/** Why a scheduled post failed: the first two disable that schedule, the last is retried later. */
export type PostFailure = 'channel-gone' | 'no-permission' | 'failed';
export type PostResult = { ok: true; messageId: string } | { ok: false; reason: PostFailure; detail?: string };

export interface PostOptions {
  /**
   * The same key for the same scheduled message: a re-post after a crash or a
   * failed attempt is recognised by the platform (Discord's enforced nonce) or
   * by us (the key in Slack message metadata, found in the bot's own history)
   * and not posted twice.
   */
  idempotencyKey?: string;
  /** This key may have been posted before (a claimed row found after a restart, a retry): check first. */
  retry?: boolean;
  /**
   * The earliest moment this key can have been posted (the claim): a retry's
   * history check reads back at least this far, however busy the channel.
   */
  since?: Date;
}

/**
 * What a history check found: our message with that key, certainly none, or
 * no answer (history unreadable, a timeout) — the caller decides what is safe.
 */
export type Lookup = { state: 'found'; messageId: string } | { state: 'absent' } | { state: 'unknown'; detail?: string };

/**
 * The platform seam. An adapter parses inbound events into Invocations,
 * calls dispatch, and renders Replies; it also posts and edits scheduled
 * messages (quiz rounds, reminders). Every call it makes for scheduled work
 * has a deadline of its own: a hung platform answers `failed`, never hangs.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply into a channel; a long reply may become several messages, the first is returned. */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<PostResult>;
  /** Replaces a message this bot posted (a live answer count, buttons closed at the reveal). */
  edit(channel: string, messageId: string, reply: Reply): Promise<PostResult>;
  /**
   * Looks, without posting, for this bot's own message that `post` would have
   * made with this key and reply, posted at or after `since`.
   */
  find(channel: string, reply: Reply, key: string, since: Date): Promise<Lookup>;
  /** The platform's own events list, where it has one (Discord's scheduled events); absent elsewhere. */
  readonly events?: EventMirror;
}

/** Where scheduled work finds the adapter for a platform (none while that platform is not running). */
export type Publisher = (platform: Platform) => ChatAdapter | undefined;
