import type { App as BoltApp } from '@slack/bolt';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { slackErrorCode } from './deliver.js';

type WebClient = BoltApp['client'];

export interface DisplayNameOptions {
  /** How long a looked-up name is trusted (people rename themselves; an hour is close enough). */
  ttlMs?: number;
  /** How long a failed look-up shows the handle before asking again, so a missing scope costs one call per person per window, not one per click. */
  failureTtlMs?: number;
  /** The most people remembered; those looked up longest ago are forgotten first. */
  maxEntries?: number;
}

const HOUR = 60 * 60_000;
/** `<@U123>` as Slack writes a member, without a name after `|`. */
const BARE_MENTION = /<@([UW][A-Z0-9]{1,20})>/g;
/** A rotation holds at most twenty people; more look-ups than that are not worth a command's wait. */
const MAX_MENTIONS = 20;

interface Entry {
  name: string;
  until: number;
}

/**
 * What a Slack member is called where others read it (RSVP lists, quiz
 * scores and reveals): `users.info`'s profile display name, else the real
 * name, else the handle Slack sent with the request. Slash commands and
 * button clicks carry only the handle, so the name is looked up once and kept
 * in memory for a while (the injected clock decides when it is stale). A
 * failed look-up (no `users:read`, a timeout) falls back to the handle and is
 * logged once per reason, not on every click.
 */
export class SlackDisplayNames {
  private readonly entries = new Map<string, Entry>();
  private readonly loggedFailures = new Set<string>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DisplayNameOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? HOUR;
    this.failureTtlMs = options.failureTtlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
  }

  async nameOf(client: WebClient, userId: string, handle: string | undefined): Promise<string | undefined> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.name;
    const fallback = handle ?? cached?.name;
    try {
      const answer = await client.users.info({ user: userId });
      const profile = answer.user?.profile;
      const name = [profile?.display_name, profile?.real_name, answer.user?.real_name, handle ?? answer.user?.name].map((n) => n?.trim()).find((n) => n);
      if (!name) return fallback;
      this.remember(userId, name, now + this.ttlMs);
      return name;
    } catch (error) {
      const reason = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
      if (!this.loggedFailures.has(reason)) {
        this.loggedFailures.add(reason);
        this.logger.warn({ err: error, reason }, 'slack users.info failed; showing handles instead of display names (is users:read granted?)');
      }
      if (fallback) this.remember(userId, fallback, now + this.failureTtlMs);
      return fallback;
    }
  }

  /**
   * A member typed as a bare mention (`presenter:<@U123>`, a rotation) gets
   * their display name inside it (`<@U123|Aiko>`), which the reading feature
   * keeps beside the id: lists and rotations then show the name, and only the
   * deliberate reminder ping uses the id. A mention whose name can't be found
   * stays as it was (shown as `@U123`, never a ping).
   */
  async nameMentions(client: WebClient, text: string): Promise<string> {
    const ids = [...new Set([...text.matchAll(BARE_MENTION)].map((match) => match[1] ?? ''))].filter(Boolean);
    if (ids.length === 0) return text;
    const names = new Map<string, string>();
    for (const id of ids.slice(0, MAX_MENTIONS)) {
      const name = await this.nameOf(client, id, undefined);
      // `>` ends the mention, `|` splits it and a comma splits a rotation; none may come from a name.
      const safe = name?.replace(/[<>|,、，]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
      if (safe) names.set(id, safe);
    }
    return text.replace(BARE_MENTION, (whole, id: string) => (names.has(id) ? `<@${id}|${names.get(id)}>` : whole));
  }

  private remember(userId: string, name: string, until: number): void {
    // Re-inserting moves the person to the end, so the first key is always the one looked up longest ago.
    this.entries.delete(userId);
    this.entries.set(userId, { name, until });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
