import type { FakeDiscord } from '../fakes/discord.js';

/**
 * For tests that run real bot processes against one fake Discord: the fake
 * lives at the bots' date too (message ids and timestamps come from it, and a
 * bot's history check reads back only to the moment its work was claimed), so
 * each start moves it to that bot's date.
 */
export class ShiftedClock {
  private offset = 0;
  moveTo(iso: string): void {
    this.offset = Date.parse(iso) - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

/** The channel's messages whose first embed's title starts with `prefix`. */
export function titled(fake: FakeDiscord, channelId: string, prefix: string): Record<string, unknown>[] {
  return fake.channelMessages(channelId).filter((m) => String((m['embeds'] as { title?: string }[] | undefined)?.[0]?.title ?? '').startsWith(prefix));
}
