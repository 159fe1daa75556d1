import { Client, DiscordAPIError, Events, GatewayIntentBits, Routes, type APIMessage } from 'discord.js';
import type { ChatAdapter, PostFailure, PostResult } from '../../core/adapter.js';
import type { DispatchServices } from '../../core/dispatch.js';
import type { Reply } from '../../core/reply.js';
import type { Config } from '../../config.js';
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

  /** Sends a Reply to a channel over REST (no cache needed); a long reply becomes several messages. */
  async post(channel: string, reply: Reply): Promise<PostResult> {
    try {
      let first: string | undefined;
      for (const { flags: _private, ...body } of renderReply({ ...reply, ephemeral: false })) {
        const sent = (await this.client.rest.post(Routes.channelMessages(channel), { body })) as APIMessage;
        first ??= sent.id;
      }
      return { ok: true, messageId: first ?? '' };
    } catch (error) {
      const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? (POST_FAILURES[error.code] ?? 'failed') : 'failed';
      const detail = error instanceof Error ? error.message : String(error);
      this.services.logger.warn({ channel, reason, detail }, 'discord post failed');
      return { ok: false, reason, detail };
    }
  }
}
