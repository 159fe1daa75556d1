import type { Platform } from './invocation.js';
import type { Reply } from './reply.js';

/** Why a scheduled post failed: the first two disable that schedule, the last is retried later. */
export type PostFailure = 'channel-gone' | 'no-permission' | 'failed';
export type PostResult = { ok: true; messageId: string } | { ok: false; reason: PostFailure; detail?: string };

/**
 * The platform seam. An adapter parses inbound events into Invocations,
 * calls dispatch, and renders Replies; it also posts scheduled messages.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply into a channel (quiz rounds, reminders). */
  post(channel: string, reply: Reply): Promise<PostResult>;
}
