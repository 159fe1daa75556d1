import { systemClock, type Clock } from '../../src/core/clock.js';
import type { Handler } from './slack.js';

/** Who the fake's auth.test says the bot is; chat.postMessage through the fake writes as this bot. */
export const BOT_ID = 'BBOT';
export const BOT_USER_ID = 'UBOT';
/** Another app in the same workspace: its messages are mixed into history and must never count as ours. */
export const OTHER_APP = { bot_id: 'BOTHER', user: 'UOTHER' } as const;
/** A member chatting. */
export const MEMBER = { user: 'U1' } as const;

export interface Author {
  bot_id?: string;
  user?: string;
}

export interface PostedMessage extends Author {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** conversations.history's default and largest page. */
const DEFAULT_PAGE = 100;
const MAX_PAGE = 999;

export interface FakeSlackChannelsOptions {
  /** The time new messages get as their ts; the system clock by default. */
  clock?: Clock;
}

/**
 * Channels as the Web API keeps them: chat.postMessage adds a message with a
 * ts from the fake's clock (and its metadata), written by our bot;
 * chat.update replaces one; conversations.history lists them as Slack does —
 * newest first, after `oldest` / before `latest`, `limit` a page with
 * `has_more` and `response_metadata.next_cursor`, other authors' messages
 * mixed in (`add`, `fill`), and metadata only when asked for
 * (`include_all_metadata`). Spread `handlers` into slackApi.
 */
export class FakeSlackChannels {
  readonly messages: PostedMessage[] = [];
  private readonly clock: Clock;
  private lastMicros = 0;

  constructor(options: FakeSlackChannelsOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  readonly handlers: Record<string, Handler> = {
    'chat.postMessage': ({ body }) => {
      const message = this.add(String(body.channel), { bot_id: BOT_ID, user: BOT_USER_ID }, {
        text: String(body.text ?? ''),
        blocks: (body.blocks as unknown[] | undefined) ?? [],
        ...(body.metadata ? { metadata: body.metadata as PostedMessage['metadata'] & object } : {}),
      });
      return { ok: true, channel: message.channel, ts: message.ts, message: { type: 'message', ts: message.ts, text: message.text } };
    },
    'chat.update': ({ body }) => {
      const message = this.find(String(body.channel), String(body.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      message.text = String(body.text ?? message.text);
      if (body.blocks) message.blocks = body.blocks as unknown[];
      return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
    },
    'conversations.history': ({ body }) => this.history(body),
  };

  /** A message by `author` (another app, a member, or our bot), stamped now by the fake's clock. */
  add(channel: string, author: Author, fields: { text?: string; blocks?: unknown[]; metadata?: PostedMessage['metadata'] } = {}): PostedMessage {
    const message: PostedMessage = { channel, ts: this.nextTs(), text: fields.text ?? '', blocks: fields.blocks ?? [], ...author, ...(fields.metadata ? { metadata: fields.metadata } : {}) };
    this.messages.push(message);
    return message;
  }

  /** `count` chatty messages by `author`, as a busy channel has between our posts. */
  fill(channel: string, count: number, author: Author): void {
    for (let i = 1; i <= count; i++) this.add(channel, author, { text: `chatter ${i}` });
  }

  find(channel: string, ts: string): PostedMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  inChannel(channel: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** The cursor is the ts of the last message handed out: the next page continues below it. */
  private history(body: Record<string, unknown>) {
    const withMetadata = String(body.include_all_metadata) === 'true';
    const inclusive = String(body.inclusive) === 'true';
    const limit = Math.min(Number(body.limit ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE);
    const oldest = body.oldest === undefined ? undefined : micros(String(body.oldest));
    const latest = body.latest === undefined ? undefined : micros(String(body.latest));
    const below = typeof body.cursor === 'string' && body.cursor ? micros(body.cursor.replace(/^ts:/, '')) : undefined;
    const matching = this.inChannel(String(body.channel))
      .filter((m) => {
        const ts = micros(m.ts);
        if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
        if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
        return below === undefined || ts < below;
      })
      // Messages are added with ever-growing ts, so the list is oldest first already.
      .reverse();
    const page = matching.slice(0, limit);
    const hasMore = matching.length > limit;
    const messages = page.map(({ metadata, channel: _channel, ...rest }) => ({ type: 'message', ...rest, ...(withMetadata && metadata ? { metadata } : {}) }));
    return { ok: true, messages, has_more: hasMore, ...(hasMore ? { response_metadata: { next_cursor: `ts:${page[page.length - 1]?.ts}` } } : {}) };
  }

  /** Slack's ts: seconds and microseconds of the post, unique per channel (here, per fake). */
  private nextTs(): string {
    this.lastMicros = Math.max(this.clock.now().getTime() * 1000, this.lastMicros + 1);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }
}

/** A ts ("1764547200.000123") as whole microseconds: exact, where a float of 16 digits is not. */
function micros(ts: string): number {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
}
