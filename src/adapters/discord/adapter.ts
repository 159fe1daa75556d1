import { Client, DiscordAPIError, Events, GatewayIntentBits, Routes, Status, type APIMessage, type RateLimitData } from 'discord.js';
import type { ChatAdapter, Lookup, PostFailure, PostOptions, PostResult } from '../../core/adapter.js';
import type { DispatchServices } from '../../core/dispatch.js';
import type { Reply } from '../../core/reply.js';
import type { Config } from '../../config.js';
import { afterHistoryCheck, WarnOncePerChannel } from '../history-check.js';
import { findPosted } from './find-posted.js';
import { handleInteraction } from './interactions.js';
import { renderReply, type DiscordMessage } from './render.js';
import { DiscordScheduledEvents } from './scheduled-events.js';

export type DiscordConfig = NonNullable<Config['discord']>;

export interface DiscordAdapterOptions {
  /** The deadline of each attempt of a REST call (tests set a few hundred ms). */
  callTimeoutMs?: number;
  /** The longest 429 Retry-After a call waits out; a longer one fails the call, and scheduled work retries later. */
  maxRateLimitWaitMs?: number;
}
// A scheduled call's overall deadline is the sum: a rate-limit wait, then one attempt. It also bounds
// the call's wait in discord.js's per-route queue behind a slow call to the same channel.

const DEFAULT_CALL_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 5_000;

/** Discord error codes that mean "stop posting here" rather than "try again later". */
const POST_FAILURES: Record<number, PostFailure> = {
  10003: 'channel-gone', // Unknown Channel
  50001: 'no-permission', // Missing Access
  50013: 'no-permission', // Missing Permissions
};

/**
 * The discord.js bot: slash commands, buttons and autocomplete in, embeds
 * out, plus posting for scheduled messages. Gateway reconnects and resumes
 * are discord.js's own (see the e2e test that drops the socket).
 */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  private readonly client: Client;
  private readonly overallDeadlineMs: number;
  private readonly blindRetry: WarnOncePerChannel;
  /** Sessions in a server's Events list (the reading feature keeps them in step where the bot has Manage Events). */
  readonly events: DiscordScheduledEvents;

  constructor(
    private readonly services: DispatchServices,
    private readonly config: DiscordConfig,
    options: DiscordAdapterOptions = {},
  ) {
    const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const maxWait = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    this.overallDeadlineMs = callTimeoutMs + maxWait;
    this.blindRetry = new WarnOncePerChannel(services.logger, 'discord history not readable; retried posts rely on the enforced nonce alone');
    this.client = new Client({
      // Slash commands need no privileged intents; Guilds keeps channel and permission data current.
      intents: [GatewayIntentBits.Guilds],
      // A second guard behind the renderer's own allowed_mentions on every message.
      allowedMentions: { parse: [] },
      rest: {
        ...(config.apiUrl ? { api: config.apiUrl } : {}),
        // discord.js's default is 15 s per attempt; ours is set on purpose (and each call also gets an overall deadline).
        timeout: callTimeoutMs,
        // discord.js retries a timed-out or 5xx request, POST included, 3 times by default. Only the first
        // message of a post carries the enforced nonce (a continuation would be posted twice), the nonce
        // lasts minutes, and four attempts would stretch the deadline fourfold: so the client never re-sends,
        // and scheduled work retries later with its history check (post with `retry`). Interaction replies
        // share this client; not re-sending suits them too (a re-sent follow-up would show twice).
        retries: 0,
        // discord.js waits out any 429 by default, however long; a long wait fails the call instead.
        rejectOnRateLimit: (limit: RateLimitData) => Math.max(limit.retryAfter, limit.timeToReset) > maxWait,
      },
    });
    this.events = new DiscordScheduledEvents(this.client, services.logger);
    this.client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, this.services));
    this.client.on(Events.Error, (error) => this.services.logger.error({ err: error }, 'discord client error'));
    this.client.on(Events.ShardDisconnect, (event, shard) => this.services.logger.warn({ shard, code: event.code }, 'discord gateway disconnected'));
    this.client.on(Events.ShardResume, (shard) => this.services.logger.info({ shard }, 'discord gateway resumed'));
  }

  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.config.token);
    await ready;
    this.services.logger.info({ user: this.client.user?.tag }, 'discord ready');
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  /** Logged in and every gateway shard ready: false while one reconnects or after it gave up. */
  isUp(): boolean {
    const shards = this.client.ws.shards;
    return this.client.isReady() && shards.size > 0 && shards.every((shard) => shard.status === Status.Ready);
  }

  /**
   * Sends a Reply to a channel over REST (no cache needed); a long reply
   * becomes several messages. With an idempotency key the first message
   * carries it as an enforced nonce: Discord answers a repeat within a few
   * minutes with the message it already has instead of posting again. A
   * retry (possibly later than that) first looks for it in history back to
   * `since` (see afterHistoryCheck for what it does when history has no answer).
   */
  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    try {
      const messages = renderReply({ ...reply, ephemeral: false });
      if (options.idempotencyKey && options.retry && messages[0]) {
        const answer = await this.lookBack(channel, messages[0], options.since);
        const next = afterHistoryCheck(answer, () => this.blindRetry.warn(channel, answer.state === 'unknown' ? answer.detail : ''));
        if (next !== 'post') return this.logged(next, channel);
      }
      let first: string | undefined;
      for (const { flags: _private, files, ...body } of messages) {
        const nonce = first === undefined && options.idempotencyKey ? { nonce: options.idempotencyKey.slice(0, 25), enforce_nonce: true } : {};
        const request = { body: { ...body, ...nonce }, ...(files ? { files } : {}), signal: this.deadline() };
        const sent = (await this.client.rest.post(Routes.channelMessages(channel), request)) as APIMessage;
        first ??= sent.id;
      }
      return { ok: true, messageId: first ?? '' };
    } catch (error) {
      return this.failure(error, channel, 'discord post failed');
    }
  }

  /** Our message that `post` would have made for this reply, from history back to `since` (Discord shows no nonce there). */
  async find(channel: string, reply: Reply, _key: string, since: Date): Promise<Lookup> {
    const [first] = renderReply({ ...reply, ephemeral: false });
    if (!first) return { state: 'absent' };
    return this.lookBack(channel, first, since);
  }

  private lookBack(channel: string, first: DiscordMessage, since: Date | undefined) {
    return findPosted({ rest: this.client.rest, channel, botId: this.client.user?.id, first, since, deadline: () => this.deadline() });
  }

  /** One scheduled call's overall deadline (see DiscordAdapterOptions). */
  private deadline(): AbortSignal {
    return AbortSignal.timeout(this.overallDeadlineMs);
  }

  /** Replaces a posted message with the first message of the rendered reply. */
  async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    try {
      const [first] = renderReply({ ...reply, ephemeral: false });
      if (!first) return { ok: false, reason: 'failed', detail: 'nothing to render' };
      // An edit keeps the message's files and never adds a ping.
      const { flags: _private, files: _files, content: _content, ...body } = first;
      await this.client.rest.patch(Routes.channelMessage(channel, messageId), { body, signal: this.deadline() });
      return { ok: true, messageId };
    } catch (error) {
      return this.failure(error, channel, 'discord edit failed');
    }
  }

  private logged(result: PostResult, channel: string): PostResult {
    if (!result.ok) this.services.logger.warn({ channel, reason: result.reason, detail: result.detail }, 'discord retry not posted: history check had no answer');
    return result;
  }

  private failure(error: unknown, channel: string, what: string): PostResult {
    const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? (POST_FAILURES[error.code] ?? 'failed') : 'failed';
    const detail = error instanceof Error ? error.message : String(error);
    this.services.logger.warn({ channel, reason, detail }, what);
    return { ok: false, reason, detail };
  }
}
