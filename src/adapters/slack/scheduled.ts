import { webApi } from '@slack/bolt';
import type { Lookup, PostOptions, PostResult } from '../../core/adapter.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { afterHistoryCheck, WarnOncePerChannel } from '../history-check.js';
import { boltLogger } from './bolt-logger.js';
import { failure, NO_UNFURL, POST_EVENT } from './deliver.js';
import { findPosted, type SlackIdentity } from './find-posted.js';
import { renderReply } from './render.js';

type WebClient = webApi.WebClient;

export interface SlackCallLimits {
  /** The deadline of each Web API call (tests set a few hundred ms). */
  callTimeoutMs?: number;
  /** How often a failed chat.update is re-sent by the client, with a short backoff. */
  editRetries?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 10_000;
const DEFAULT_EDIT_RETRIES = 2;

/**
 * Posts, edits and history checks for scheduled work (quiz rounds, reveals,
 * reminders). The WebClient's defaults suit none of them — no timeout, and
 * about ten retries over half an hour for every method — so the clients here
 * are set on purpose:
 * - `once` (chat.postMessage, conversations.history, auth.test) never
 *   re-sends: Slack may have stored a post before answering 5xx or before our
 *   deadline, and a client re-send would post it twice. A 429 fails the call
 *   at once rather than pausing the client's queue for every channel. The
 *   runner retries later, and `post` with `retry` checks history first.
 * - `edits` (chat.update) re-sends a little with a short backoff: an edit
 *   replaces the message, so a repeat is harmless. Bounded: at most
 *   (editRetries + 1) deadlines plus about two seconds of backoff.
 */
export class SlackScheduled {
  private readonly once: WebClient;
  private readonly edits: WebClient;
  private readonly blindRetry: WarnOncePerChannel;
  private identity: SlackIdentity | undefined;

  constructor(
    token: string,
    slackApiUrl: string | undefined,
    private readonly logger: Logger,
    limits: SlackCallLimits = {},
  ) {
    const common = {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      logger: boltLogger(logger),
      timeout: limits.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      rejectRateLimitedCalls: true,
    };
    this.once = new webApi.WebClient(token, { ...common, retryConfig: { retries: 0 } });
    this.edits = new webApi.WebClient(token, {
      ...common,
      retryConfig: { retries: limits.editRetries ?? DEFAULT_EDIT_RETRIES, factor: 2, minTimeout: 250, maxTimeout: 1_000, randomize: true },
    });
    this.blindRetry = new WarnOncePerChannel(logger, 'slack history not readable (channels:history?); retried posts go out without the duplicate check');
  }

  /** Learns which bot_id and user are ours, so history checks match our own messages only. */
  async identify(): Promise<void> {
    const me = await this.once.auth.test();
    if (!me.bot_id || !me.user_id) throw new Error('Slack auth.test named no bot_id/user_id: SLACK_BOT_TOKEN must be a bot token (xoxb-).');
    this.identity = { botId: me.bot_id, botUserId: me.user_id };
  }

  /**
   * chat.postMessage; returns why it failed instead of throwing. With an
   * idempotency key the first message carries it as metadata, and a retry
   * first looks for it in our history back to `since` (a crash, a timeout or
   * a 5xx may have come after Slack took the first post).
   */
  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    const key = options.idempotencyKey;
    let messageId: string | undefined;
    try {
      if (key && options.retry) {
        const answer = await findPosted(this.once, channel, key, options.since, this.identity);
        const next = afterHistoryCheck(answer, () => this.blindRetry.warn(channel, answer.state === 'unknown' ? answer.detail : ''));
        if (next !== 'post') {
          if (!next.ok) this.logger.warn({ channel, reason: next.reason, detail: next.detail }, 'slack retry not posted: history check had no answer');
          return next;
        }
      }
      for (const [index, message] of renderReply(reply).entries()) {
        const metadata = key && index === 0 ? { metadata: { event_type: POST_EVENT, event_payload: { key } } } : {};
        const result = await this.once.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...NO_UNFURL, ...metadata });
        messageId ??= result.ts;
      }
      return { ok: true, messageId: messageId ?? '' };
    } catch (error) {
      return failure(error, channel, this.logger, 'slack post failed');
    }
  }

  /** chat.update of a message this bot posted: the first message of the rendered reply replaces it. */
  async edit(channel: string, ts: string, reply: Reply): Promise<PostResult> {
    try {
      const [message] = renderReply(reply);
      if (!message) return { ok: false, reason: 'failed', detail: 'nothing to render' };
      await this.edits.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
      return { ok: true, messageId: ts };
    } catch (error) {
      return failure(error, channel, this.logger, 'slack edit failed');
    }
  }

  find(channel: string, key: string, since: Date): Promise<Lookup> {
    return findPosted(this.once, channel, key, since, this.identity);
  }
}
