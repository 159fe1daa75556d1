import { Client, DiscordAPIError, Events, GatewayIntentBits, Routes, type APIMessage } from 'discord.js';
import type { ChatAdapter, Lookup, PostFailure, PostOptions, PostResult } from '../../core/adapter.js';
import type { DispatchServices } from '../../core/dispatch.js';
import type { Reply } from '../../core/reply.js';
import type { Config } from '../../config.js';
import { findPosted } from './find-posted.js';
import { handleInteraction } from './interactions.js';
import { renderReply } from './render.js';

export type DiscordConfig = NonNullable<Config['discord']>;

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

  constructor(
    private readonly services: DispatchServices,
    private readonly config: DiscordConfig,
  ) {
    this.client = new Client({
      // Slash commands need no privileged intents; Guilds keeps channel and permission data current.
      intents: [GatewayIntentBits.Guilds],
      // A second guard behind the renderer's own allowed_mentions on every message.
      allowedMentions: { parse: [] },
      ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    });
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

  /**
   * Sends a Reply to a channel over REST (no cache needed); a long reply
   * becomes several messages. With an idempotency key the first message
   * carries it as an enforced nonce: Discord answers a repeat within a few
   * minutes with the message it already has instead of posting again. A
   * retry (possibly later than that) first looks for it in recent history.
   */
  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    try {
      const messages = renderReply({ ...reply, ephemeral: false });
      if (options.idempotencyKey && options.retry && messages[0]) {
        const earlier = await findPosted(this.client.rest, channel, this.client.user?.id, messages[0], this.services.logger);
        if (earlier) return { ok: true, messageId: earlier };
      }
      let first: string | undefined;
      for (const { flags: _private, files, ...body } of messages) {
        const nonce = first === undefined && options.idempotencyKey ? { nonce: options.idempotencyKey.slice(0, 25), enforce_nonce: true } : {};
        const sent = (await this.client.rest.post(Routes.channelMessages(channel), { body: { ...body, ...nonce }, ...(files ? { files } : {}) })) as APIMessage;
        first ??= sent.id;
      }
      return { ok: true, messageId: first ?? '' };
    } catch (error) {
      return this.failure(error, channel, 'discord post failed');
    }
  }

  /** Our message that `post` would have made for this reply, from recent history (Discord echoes no nonce there). */
  async find(channel: string, reply: Reply): Promise<Lookup> {
    const [first] = renderReply({ ...reply, ephemeral: false });
    if (!first) return { state: 'absent' };
    const found = await findPosted(this.client.rest, channel, this.client.user?.id, first, this.services.logger);
    return found ? { state: 'found', messageId: found } : { state: 'absent' };
  }

  /** Replaces a posted message with the first message of the rendered reply. */
  async edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    try {
      const [first] = renderReply({ ...reply, ephemeral: false });
      if (!first) return { ok: false, reason: 'failed', detail: 'nothing to render' };
      // An edit keeps the message's files and never adds a ping.
      const { flags: _private, files: _files, content: _content, ...body } = first;
      await this.client.rest.patch(Routes.channelMessage(channel, messageId), { body });
      return { ok: true, messageId };
    } catch (error) {
      return this.failure(error, channel, 'discord edit failed');
    }
  }

  private failure(error: unknown, channel: string, what: string): PostResult {
    const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? (POST_FAILURES[error.code] ?? 'failed') : 'failed';
    const detail = error instanceof Error ? error.message : String(error);
    this.services.logger.warn({ channel, reason, detail }, what);
    return { ok: false, reason, detail };
  }
}
