import { Routes, type REST } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { DiscordMessage } from './render.js';

/** How far back a retry looks: a round re-posted within the grace window is among the latest messages. */
const RECENT = 50;

/** Just what the comparison reads, from a rendered body or a fetched message. */
interface Comparable {
  author?: { id: string };
  embeds?: readonly { title?: string; description?: string }[];
  components?: readonly unknown[];
}

/**
 * Discord keeps an enforced nonce for a few minutes only, while a round may
 * be re-posted up to the grace window (hours) after a crash. So a retry first
 * looks through the channel's recent messages for one of ours that is the
 * same message: same title, text and button ids. A round's buttons carry its
 * id, a reveal's title its date, and later edits change neither (only the
 * count and the buttons' state).
 */
export async function findPosted(rest: REST, channel: string, botId: string | undefined, first: DiscordMessage, logger: Logger): Promise<string | undefined> {
  if (!botId) return undefined;
  try {
    const recent = (await rest.get(Routes.channelMessages(channel), { query: new URLSearchParams({ limit: String(RECENT) }) })) as (Comparable & { id: string })[];
    const wanted = sameness(first);
    return recent.find((message) => message.author?.id === botId && sameness(message) === wanted)?.id;
  } catch (error) {
    // Without history access the enforced nonce is the only guard: a rare duplicate beats a lost round.
    logger.warn({ err: error, channel }, 'discord history not readable; re-posting with the nonce alone');
    return undefined;
  }
}

function sameness(message: Comparable): string {
  const [embed] = message.embeds ?? [];
  const ids = (message.components ?? [])
    .flatMap((row) => (row as { components?: { custom_id?: string }[] }).components ?? [])
    .map((component) => component.custom_id)
    .filter((id): id is string => Boolean(id));
  return JSON.stringify([embed?.title ?? '', embed?.description ?? '', ids]);
}
