import type { Platform } from './invocation.js';
import type { Reply } from './reply.js';

/** Why a scheduled post failed: the first two disable that schedule, the last is retried later. */
export type PostFailure = 'channel-gone' | 'no-permission' | 'failed';
export type PostResult = { ok: true; messageId: string } | { ok: false; reason: PostFailure; detail?: string };

export interface PostOptions {
  /**
   * The same key for the same scheduled message: a re-post after a crash is
   * recognised by the platform (Discord's enforced nonce) or by us (Slack
   * message metadata in the channel's recent history) and not posted twice.
   */
  idempotencyKey?: string;
  /** This key may have been posted before (a claimed row found after a restart): check first. */
  retry?: boolean;
}

/**
 * The platform seam. An adapter parses inbound events into Invocations,
 * calls dispatch, and renders Replies; it also posts and edits scheduled
 * messages (quiz rounds, reminders).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply into a channel; a long reply may become several messages, the first is returned. */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<PostResult>;
  /** Replaces a message this bot posted (a live answer count, buttons closed at the reveal). */
  edit(channel: string, messageId: string, reply: Reply): Promise<PostResult>;
}

/** Where scheduled work finds the adapter for a platform (none while that platform is not running). */
export type Publisher = (platform: Platform) => ChatAdapter | undefined;
