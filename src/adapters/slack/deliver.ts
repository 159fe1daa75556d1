import type { RespondFn } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { PostFailure, PostResult } from '../../core/adapter.js';
import type { Logger } from '../../core/logger.js';
import { renderReply, type RenderOptions } from './render.js';

/** Link previews of arXiv pages would bury the answer, so they are off everywhere. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

export type Delivery = { mode: 'new'; visibility: 'ephemeral' | 'in_channel' } | { mode: 'replace' };

/**
 * Sends a rendered reply through the response_url. A reply too long for one
 * message continues in follow-ups (a response_url takes up to five posts).
 */
export async function deliver(respond: RespondFn, reply: Reply, how: Delivery, options: RenderOptions = {}): Promise<void> {
  const messages = renderReply(reply, options);
  for (const [index, message] of messages.entries()) {
    if (how.mode === 'replace' && index === 0) {
      await respond({ replace_original: true, text: message.text, blocks: message.blocks, ...NO_UNFURL });
    } else {
      const visibility = how.mode === 'new' ? how.visibility : 'ephemeral';
      await respond({ response_type: visibility, replace_original: false, text: message.text, blocks: message.blocks, ...NO_UNFURL });
    }
  }
}

/** Slack error codes that mean "this schedule can't post here any more" — the caller disables it. */
const POST_FAILURES: Readonly<Record<string, PostFailure>> = {
  channel_not_found: 'channel-gone',
  is_archived: 'channel-gone',
  not_in_channel: 'no-permission',
  missing_scope: 'no-permission',
  channel_is_archived: 'channel-gone',
  message_not_found: 'failed',
};

/** The metadata event that marks a scheduled post, so a re-post after a crash can find the first one. */
export const POST_EVENT = 'yomikai_post';

/** Logs a failed Web API call and names why, for the runner: gone and forbidden channels stop their schedule. */
export function failure(error: unknown, channel: string, logger: Logger, what: string): PostResult {
  const code = slackErrorCode(error);
  const reason = (code && POST_FAILURES[code]) || 'failed';
  logger.warn({ err: error, channel, code, reason }, what);
  return { ok: false, reason, detail: code ?? (error instanceof Error ? error.message : String(error)) };
}

/** The `error` string of a Web API platform error (`{ ok: false, error: 'channel_not_found' }`). */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
