import type { webApi } from '@slack/bolt';
import { CLOCK_SKEW_MS, MAX_HISTORY_PAGES, unknown, type HistoryAnswer } from '../history-check.js';
import { POST_EVENT, slackErrorCode } from './deliver.js';

type WebClient = webApi.WebClient;

/** conversations.history's recommended page size (it takes up to 999; larger pages answer slower). */
const PAGE_SIZE = 200;

/** Who this bot is, from auth.test: a message is ours only if Slack says this bot wrote it. */
export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

/** History errors that mean "not ours to read" (no channels:history / groups:history, or not a member). */
const NOT_PERMITTED = new Set(['missing_scope', 'not_in_channel', 'not_allowed_token_type', 'access_denied', 'no_permission']);

/**
 * Looks for this bot's message carrying `key` in its metadata, reading the
 * channel's history back to `since` (newest first, `oldest` = since, 200 a
 * page, following `next_cursor`). Without `since`, the latest page only.
 *
 * Only our own messages count (same bot_id, and same bot user when Slack
 * names one): another app, or another workspace app copying our metadata,
 * must never make us skip a round. The key itself carries what tells two
 * yomikai databases on one app apart, so it is compared exactly.
 */
export async function findPosted(client: WebClient, channel: string, key: string, since: Date | undefined, me: SlackIdentity | undefined): Promise<HistoryAnswer> {
  if (!me) return unknown('failed', 'the bot identity is not known yet (adapter not started)');
  const oldest = since === undefined ? undefined : ((since.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    let history: Awaited<ReturnType<WebClient['conversations']['history']>>;
    try {
      history = await client.conversations.history({
        channel,
        limit: PAGE_SIZE,
        include_all_metadata: true,
        ...(oldest ? { oldest } : {}),
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      return unreadable(error);
    }
    const ours = history.messages?.find((message) => isOurs(message, me) && carriesKey(message, key));
    if (ours?.ts) return { state: 'found', messageId: ours.ts };
    cursor = history.response_metadata?.next_cursor || undefined;
    if (oldest === undefined || !history.has_more || !cursor) return { state: 'absent' };
  }
  return unknown('failed', `no answer within ${MAX_HISTORY_PAGES} pages of history`);
}

interface HistoryMessage {
  bot_id?: string;
  user?: string;
  metadata?: { event_type?: string; event_payload?: unknown };
}

function isOurs(message: HistoryMessage, me: SlackIdentity): boolean {
  return message.bot_id === me.botId && (message.user === undefined || message.user === me.botUserId);
}

function carriesKey(message: HistoryMessage, key: string): boolean {
  const payload = message.metadata?.event_payload as Record<string, unknown> | undefined;
  return message.metadata?.event_type === POST_EVENT && payload?.['key'] === key;
}

/** A platform error names why; a timeout, a 5xx or a 429 has no answer, and the message may be there. */
function unreadable(error: unknown): HistoryAnswer {
  const code = slackErrorCode(error);
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  if (code && NOT_PERMITTED.has(code)) return unknown('not-permitted', detail);
  if (code === 'channel_not_found') return unknown('channel-gone', detail);
  return unknown('failed', detail);
}
