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
      const name = [profile?.display_name, profile?.real_name, answer.user?.real_name, handle].map((n) => n?.trim()).find((n) => n);
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
