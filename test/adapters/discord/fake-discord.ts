import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** How long a wait may take before it fails with what was seen instead: a hang detector, not a deadline. */
const WAIT_LIMIT_MS = 15_000;

/** One REST request as the bot made it: path without the `/api` prefix, e.g. `/v10/channels/1/messages`. */
export interface RestCall {
  method: string;
  path: string;
  /** The query string's parameters, e.g. with_localizations=true. */
  query: URLSearchParams;
  body: any;
  /** Files of a multipart request (an attachment), by name. */
  files?: { name: string; content: string; type?: string }[];
  at: number;
}

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const USER = { id: '400000000000000001', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
const BOT = { id: APP_ID, username: 'yomikai', discriminator: '0', global_name: null, avatar: null, bot: true };
/** All permission bits, and none: a server manager and an ordinary member. */
export const ALL_PERMISSIONS = '2251799813685247';
export const NO_PERMISSIONS = '0';

let snowflake = 500000000000000000n;
const nextId = () => String(++snowflake);

/**
 * A loopback Discord: the REST routes the bot uses plus a JSON gateway
 * (HELLO, IDENTIFY → READY, RESUME → RESUMED, heartbeat ACKs). Every REST
 * call is recorded so tests assert on exactly what would have reached Discord.
 */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly identifies: number[] = [];
  readonly resumes: number[] = [];
  /** Channel ids that answer 404 Unknown Channel / 403 Missing Permissions. */
  readonly goneChannels = new Set<string>();
  readonly forbiddenChannels = new Set<string>();
  /** Channel ids whose history the bot may not read (no Read Message History): GET messages answers 403. */
  readonly unreadableHistory = new Set<string>();
  /** Registered application commands per route. */
  readonly commands = new Map<string, any[]>();
  /** Channel messages as Discord holds them now (after edits), by id. */
  readonly messages = new Map<string, Record<string, unknown>>();
  /** Enforced nonces → the message first created with them (Discord keeps them a few minutes; the fake, for its lifetime). */
  private readonly nonces = new Map<string, Record<string, unknown>>();
  private readonly events = new EventEmitter();
  private readonly http: Server;
  private readonly gateway: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private port = 0;

  constructor() {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new WebSocketServer({ server: this.http });
    this.gateway.on('connection', (socket) => this.onConnection(socket));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get connections(): number {
    return this.identifies.length + this.resumes.length;
  }

  async close(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /**
   * Resolves with the first recorded call (past or future) that matches. The
   * timeout only turns a hang into a readable failure; it is no speed check, so
   * it is generous enough for a loaded CI machine (vitest gives a test 20 s).
   */
  waitForCall(match: (call: RestCall) => boolean, timeoutMs = WAIT_LIMIT_MS): Promise<RestCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('call', listener);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; saw:\n${this.calls.map((c) => `${c.method} ${c.path}`).join('\n')}`));
      }, timeoutMs);
      const listener = (call: RestCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.events.off('call', listener);
        resolve(call);
      };
      this.events.on('call', listener);
    });
  }

  /** Resolves when the gateway has seen `count` IDENTIFY or RESUME handshakes in total. */
  waitForConnections(count: number, timeoutMs = WAIT_LIMIT_MS): Promise<void> {
    if (this.connections >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway saw ${this.connections} handshakes, wanted ${count}`)), timeoutMs);
      const listener = () => {
        if (this.connections < count) return;
        clearTimeout(timer);
        this.events.off('handshake', listener);
        resolve();
      };
      this.events.on('handshake', listener);
    });
  }

  /** Sends INTERACTION_CREATE over the gateway. */
  dispatchInteraction(interaction: Record<string, unknown>): void {
    this.send({ op: 0, t: 'INTERACTION_CREATE', s: ++this.seq, d: interaction });
  }

  /** Drops the gateway connection the way a network blip or a Discord restart does. */
  dropConnection(): void {
    this.socket?.close(4000, 'fake: unknown error, reconnect');
  }

  private send(payload: unknown): void {
    if (!this.socket) throw new Error('no gateway connection');
    this.socket.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: any };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        this.identifies.push(Date.now());
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: this.ready() }));
        this.events.emit('handshake');
      }
      if (packet.op === 6) {
        this.resumes.push(Date.now());
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
        this.events.emit('handshake');
      }
    });
  }

  private ready() {
    return {
      v: 10,
      user: BOT,
      guilds: [],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api/, '');
    const multipart = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(req.headers['content-type'] ?? '');
    const parsed = multipart ? parseMultipart(text, multipart[1] ?? '') : { body: text ? JSON.parse(text) : undefined };
    const call: RestCall = { method: req.method ?? 'GET', path, query: url.searchParams, ...parsed, at: Date.now() };
    this.calls.push(call);
    const [status, body] = this.route(call);
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    this.events.emit('call', call);
  }

  /**
   * Create Message. With `enforce_nonce`, a nonce seen before returns the
   * message first created with it and creates nothing (Discord's documented
   * behaviour, which makes a re-post after a crash idempotent).
   */
  private create(channel: string, body: any): Record<string, unknown> {
    const nonce = body?.enforce_nonce === true && body.nonce !== undefined ? String(body.nonce) : undefined;
    const earlier = nonce === undefined ? undefined : this.nonces.get(nonce);
    if (earlier) return this.messages.get(String(earlier.id)) ?? earlier;
    const created: Record<string, unknown> = { ...message(channel, body), ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}) };
    this.messages.set(String(created.id), created);
    if (nonce !== undefined) this.nonces.set(nonce, created);
    return created;
  }

  /** Discord remembers an enforced nonce for a few minutes; this is those minutes passing. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** Messages created in a channel (not counting answers to interactions), oldest first. */
  channelMessages(channel: string): Record<string, unknown>[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channel);
  }

  private route({ method, path, query, body }: RestCall): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/v10/gateway/bot') {
      return [200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'POST' && /^\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (/^\/v10\/webhooks\/\d+\/[^/]+\/messages\/%40original$/.test(path)) {
      return method === 'DELETE' ? [204, undefined] : [200, message(CHANNEL_ID, body)];
    }
    if (method === 'POST' && /^\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return [200, message(CHANNEL_ID, body)];
    if (method === 'POST' && (m = /^\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      const channel = m[1] ?? '';
      if (this.goneChannels.has(channel)) return [404, { code: 10003, message: 'Unknown Channel' }];
      if (this.forbiddenChannels.has(channel)) return [403, { code: 50013, message: 'Missing Permissions' }];
      return [200, this.create(channel, body)];
    }
    if (method === 'GET' && (m = /^\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      if (this.unreadableHistory.has(m[1] ?? '')) return [403, { code: 50001, message: 'Missing Access' }];
      // Newest first; a fetched message has no nonce (Discord echoes it only on create and in the gateway event).
      const limit = Number(query.get('limit') ?? 50);
      return [200, this.channelMessages(m[1] ?? '').reverse().slice(0, limit).map(({ nonce: _nonce, ...rest }) => rest)];
    }
    if (method === 'PATCH' && (m = /^\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const stored = this.messages.get(m[2] ?? '');
      if (!stored || stored.channel_id !== m[1]) return [404, { code: 10008, message: 'Unknown Message' }];
      // Edit Message replaces only the fields it is given.
      const edited = { ...stored, ...pick(body, ['content', 'embeds', 'components', 'flags']), edited_timestamp: new Date().toISOString() };
      this.messages.set(String(stored.id), edited);
      return [200, edited];
    }
    if ((m = /^\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.exec(path))) {
      if (method === 'GET') {
        const stored = this.commands.get(path) ?? [];
        return [200, query.get('with_localizations') === 'true' ? stored : stored.map(withoutLocalizations)];
      }
      if (method === 'PUT') {
        const stored = (body as any[]).map((command) => ({ ...command, id: nextId(), application_id: APP_ID, version: nextId() }));
        this.commands.set(path, stored);
        return [200, stored];
      }
    }
    return [404, { code: 0, message: '404: Not Found' }];
  }
}

/** The fields of `body` that are present, as an edit applies them. */
function pick(body: any, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => body && key in body).map((key) => [key, body[key]]));
}

/**
 * A command as Discord lists it without `?with_localizations=true`: the
 * localisation maps are left out, at every level (options, choices).
 */
function withoutLocalizations(value: any): any {
  if (Array.isArray(value)) return value.map(withoutLocalizations);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'name_localizations' && key !== 'description_localizations')
      .map(([key, inner]) => [key, withoutLocalizations(inner)]),
  );
}

/** A full message object, as Discord returns after a send or an edit. */
export function message(channelId: string, body: any = {}): Record<string, unknown> {
  return {
    id: nextId(),
    channel_id: channelId,
    author: BOT,
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

/** A subcommand (`/quiz schedule time:09:00`): Discord nests the verb's options inside a type-1 option. */
export function subcommandInput(name: string, verb: string, values: Record<string, string> = {}, options: InteractionOptions = {}) {
  const inner = Object.entries(values).map(([key, value]) => ({ name: key, type: 3, value }));
  return base(2, { id: nextId(), name, type: 1, options: [{ name: verb, type: 1, options: inner }] }, options);
}

export function autocomplete(name: string, option: string, text: string, options: InteractionOptions = {}) {
  return base(4, { id: nextId(), name, type: 1, options: [{ name: option, type: 3, value: text, focused: true }] }, options);
}

export function buttonPress(customId: string, onMessage: Record<string, unknown>, options: InteractionOptions = {}) {
  return { ...base(3, { custom_id: customId, component_type: 2 }, options), message: onMessage };
}

/**
 * A multipart request as Discord reads it: the JSON body in `payload_json`
 * and each file part by its file name (what discord.js sends with `files`).
 */
function parseMultipart(text: string, boundary: string): { body: any; files: { name: string; content: string; type?: string }[] } {
  let body: any;
  const files: { name: string; content: string; type?: string }[] = [];
  for (const part of text.split(`--${boundary.replace(/^"|"$/g, '')}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    const filename = /filename="([^"]+)"/.exec(headers)?.[1];
    const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    if (filename) files.push({ name: filename, content, ...(type ? { type } : {}) });
    else if (name === 'payload_json') body = JSON.parse(content);
  }
  return { body, files };
}
