import { DiscordAPIError, Routes, type REST } from 'discord.js';
import { CLOCK_SKEW_MS, MAX_HISTORY_PAGES, unknown, type HistoryAnswer } from '../history-check.js';
import type { DiscordMessage } from './render.js';

/** Discord's page size limit for Get Channel Messages. */
const PAGE_SIZE = 100;
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Just what the comparison reads, from a rendered body or a fetched message. */
interface Comparable {
  author?: { id: string };
  embeds?: readonly { title?: string; description?: string }[];
  components?: readonly unknown[];
}
type Fetched = Comparable & { id: string };

export interface HistorySearch {
  rest: REST;
  channel: string;
  /** The client user's id: only messages this bot wrote can match. */
  botId: string | undefined;
  first: DiscordMessage;
  /** Read back until messages are older than this; without it, only the latest page. */
  since: Date | undefined;
  /** A fresh deadline for each page request. */
  deadline: () => AbortSignal;
}

/**
 * Discord keeps an enforced nonce for a few minutes only, and history does not
 * show it, while a round may be re-posted up to the grace window (hours) after
 * a crash. So a retry pages back through the channel (newest first, 100 per
 * page, `before` the oldest seen) until messages are older than `since`,
 * looking for one this bot wrote that is the same message: same title, text
 * and button ids. A round's buttons carry its id, a reveal's title its date,
 * and later edits change neither (only the count and the buttons' state).
 *
 * The limit: without a nonce in history, sameness is by content. Two
 * yomikai databases on one bot token posting identical content in one channel
 * would match each other; another bot's identical message never does (author).
 */
export async function findPosted(search: HistorySearch): Promise<HistoryAnswer> {
  const { rest, channel, botId, first, since, deadline } = search;
  if (!botId) return unknown('failed', 'the bot is not logged in yet: its own messages cannot be told apart');
  const wanted = sameness(first);
  const from = since === undefined ? undefined : since.getTime() - CLOCK_SKEW_MS;
  let before: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    let batch: Fetched[];
    try {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(before ? { before } : {}) });
      batch = (await rest.get(Routes.channelMessages(channel), { query, signal: deadline() })) as Fetched[];
    } catch (error) {
      return unreadable(error);
    }
    const inWindow = from === undefined ? batch : batch.filter((message) => createdAt(message.id) >= from);
    const ours = inWindow.find((message) => message.author?.id === botId && sameness(message) === wanted);
    if (ours) return { state: 'found', messageId: ours.id };
    const readBackFarEnough = batch.length < PAGE_SIZE || inWindow.length < batch.length;
    if (from === undefined || readBackFarEnough) return { state: 'absent' };
    before = oldest(batch);
  }
  return unknown('failed', `no answer within ${MAX_HISTORY_PAGES} pages of history`);
}

/** When Discord created a message, from its snowflake id. */
export function createdAt(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

function oldest(batch: Fetched[]): string {
  return batch.reduce((min, message) => (BigInt(message.id) < BigInt(min) ? message.id : min), batch[0]?.id ?? '0');
}

/** Missing Access / Missing Permissions: history is not ours to read. Anything else (timeout, 5xx, 429) may pass. */
function unreadable(error: unknown): HistoryAnswer {
  const detail = error instanceof Error ? error.message : String(error);
  const code = error instanceof DiscordAPIError ? error.code : undefined;
  if (code === 50001 || code === 50013) return unknown('not-permitted', detail);
  if (code === 10003) return unknown('channel-gone', detail);
  return unknown('failed', detail);
}

function sameness(message: Comparable): string {
  const [embed] = message.embeds ?? [];
  const ids = (message.components ?? [])
    .flatMap((row) => (row as { components?: { custom_id?: string }[] }).components ?? [])
    .map((component) => component.custom_id)
    .filter((id): id is string => Boolean(id));
  return JSON.stringify([embed?.title ?? '', embed?.description ?? '', ids]);
}
