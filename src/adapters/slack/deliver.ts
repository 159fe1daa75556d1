import type { App as BoltApp, RespondFn } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { PostFailure, PostOptions, PostResult } from '../../core/adapter.js';
import type { Logger } from '../../core/logger.js';
import { renderReply, type RenderOptions } from './render.js';

type WebClient = BoltApp['client'];

/** Link previews of arXiv pages would bury the answer, so they are off everywhere. */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

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

/**
 * chat.postMessage for scheduled posts; returns why it failed instead of
 * throwing. With an idempotency key the message carries it as metadata, and a
 * retry first looks for it in the channel's recent history (a crash may have
 * come after Slack took the first post but before we recorded it).
 */
export async function postReply(client: WebClient, channel: string, reply: Reply, logger: Logger, options: PostOptions = {}): Promise<PostResult> {
  let messageId: string | undefined;
  try {
    const key = options.idempotencyKey;
    if (key && options.retry) {
      const earlier = await findPosted(client, channel, key, logger);
      if (earlier) return { ok: true, messageId: earlier };
    }
    for (const [index, message] of renderReply(reply).entries()) {
      const metadata = key && index === 0 ? { metadata: { event_type: POST_EVENT, event_payload: { key } } } : {};
      const result = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...NO_UNFURL, ...metadata });
      messageId ??= result.ts;
    }
    return { ok: true, messageId: messageId ?? '' };
  } catch (error) {
    return failure(error, channel, logger, 'slack post failed');
  }
}

/** chat.update of a message this bot posted: the first message of the rendered reply replaces it. */
export async function editReply(client: WebClient, channel: string, ts: string, reply: Reply, logger: Logger): Promise<PostResult> {
  try {
    const [message] = renderReply(reply);
    if (!message) return { ok: false, reason: 'failed', detail: 'nothing to render' };
    await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    return { ok: true, messageId: ts };
  } catch (error) {
    return failure(error, channel, logger, 'slack edit failed');
  }
}

/** The ts of a recent message of ours carrying this key, if Slack already has it. */
export async function findPosted(client: WebClient, channel: string, key: string, logger: Logger): Promise<string | undefined> {
  try {
    const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
    const found = history.messages?.find((m) => m.metadata?.event_type === POST_EVENT && (m.metadata.event_payload as Record<string, unknown> | undefined)?.['key'] === key);
    return found?.ts;
  } catch (error) {
    // Without history access the re-post goes ahead: a rare duplicate beats a lost round.
    logger.warn({ err: error, channel, code: slackErrorCode(error) }, 'slack history not readable; re-posting without the duplicate check');
    return undefined;
  }
}

function failure(error: unknown, channel: string, logger: Logger, what: string): PostResult {
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
