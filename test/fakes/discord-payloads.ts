/** Payloads of the fake Discord: ids, message objects, and the interactions it dispatches. */

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const USER = { id: '400000000000000001', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
export const BOT = { id: APP_ID, username: 'yomikai', discriminator: '0', global_name: null, avatar: null, bot: true };
/** All permission bits, and none: a server manager and an ordinary member. */
export const ALL_PERMISSIONS = '2251799813685247';
export const NO_PERMISSIONS = '0';

/** Another bot in the same server: its messages are mixed into history and must never count as ours. */
export const OTHER_BOT = { id: '100000000000000099', username: 'otherbot', discriminator: '0', global_name: null, avatar: null, bot: true };

export interface FakeAuthor { id: string; username: string; discriminator: string; global_name: string | null; avatar: null; bot?: boolean }

/** Ids of things whose creation time does not matter (interactions, commands); messages get time-based ids. */
let snowflake = 500000000000000000n;
export const nextId = () => String(++snowflake);

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The smallest snowflake of this instant: Discord ids carry their creation time in the upper bits. */
export function snowflakeAt(ms: number): bigint {
  return (BigInt(ms) - DISCORD_EPOCH_MS) << 22n;
}

/** A full message object, as Discord returns after a send or an edit. */
export function message(channelId: string, body: any = {}, author: FakeAuthor = BOT): Record<string, unknown> {
  return {
    id: nextId(),
    channel_id: channelId,
    author,
    content: body?.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
  };
}

export interface FakeUser { id: string; username: string; discriminator: string; global_name: string | null; avatar: null }

export interface InteractionOptions {
  locale?: string;
  /** Member permissions in the guild; `dm` sends the interaction from a DM instead. */
  permissions?: string | 'dm';
  /** Who acts (default USER), and their nickname in the server. */
  user?: FakeUser;
  nick?: string;
}

/** A member of the fake server other than USER. */
export function fakeUser(id: string, username: string, globalName: string | null = null): FakeUser {
  return { id, username, discriminator: '0', global_name: globalName, avatar: null };
}

function base(type: number, data: unknown, options: InteractionOptions): Record<string, unknown> {
  const user = options.user ?? USER;
  const where =
    options.permissions === 'dm'
      ? { user, channel_id: user.id, channel: { id: user.id, type: 1 }, context: 1 }
      : {
          guild_id: GUILD_ID,
          guild_locale: 'en-US',
          // Discord sends both; discord.js 14.28 reads `channel.id` for interaction.channelId.
          channel_id: CHANNEL_ID,
          channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'reading-group' },
          member: {
            user,
            nick: options.nick ?? null,
            roles: [],
            joined_at: '2024-01-01T00:00:00.000Z',
            permissions: options.permissions ?? ALL_PERMISSIONS,
            deaf: false,
            mute: false,
            flags: 0,
          },
          context: 0,
        };
  return {
    id: nextId(),
    application_id: APP_ID,
    token: `token-${nextId()}`,
    version: 1,
    type,
    locale: options.locale ?? 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    app_permissions: ALL_PERMISSIONS,
    data,
    ...where,
  };
}

/** A slash command with text options (type 3), the only option type yomikai registers. */
export function chatInput(name: string, values: Record<string, string> = {}, options: InteractionOptions = {}) {
  const data = { id: nextId(), name, type: 1, options: Object.entries(values).map(([key, value]) => ({ name: key, type: 3, value })) };
  return base(2, data, options);
}

/** A member picked for a USER option (type 6), with their nickname in the server. */
export interface MemberPick {
  option: string;
  user: FakeUser;
  nick: string;
}

/**
 * A subcommand (`/quiz schedule time:09:00`): Discord nests the verb's options
 * inside a type-1 option. A `pick` adds a USER option: the member's id, with
 * the user and the member in `data.resolved`, as Discord sends a pick.
 */
export function subcommandInput(name: string, verb: string, values: Record<string, string> = {}, options: InteractionOptions = {}, pick?: MemberPick) {
  const inner: unknown[] = Object.entries(values).map(([key, value]) => ({ name: key, type: 3, value }));
  const data: Record<string, unknown> = { id: nextId(), name, type: 1, options: [{ name: verb, type: 1, options: inner }] };
  if (pick) {
    inner.push({ name: pick.option, type: 6, value: pick.user.id });
    data.resolved = {
      users: { [pick.user.id]: pick.user },
      members: { [pick.user.id]: { nick: pick.nick, roles: [], joined_at: '2024-01-01T00:00:00.000Z', permissions: '0', deaf: false, mute: false, flags: 0 } },
    };
  }
  return base(2, data, options);
}

export function autocomplete(name: string, option: string, text: string, options: InteractionOptions = {}) {
  return base(4, { id: nextId(), name, type: 1, options: [{ name: option, type: 3, value: text, focused: true }] }, options);
}

export function buttonPress(customId: string, onMessage: Record<string, unknown>, options: InteractionOptions = {}) {
  return { ...base(3, { custom_id: customId, component_type: 2 }, options), message: onMessage };
}
