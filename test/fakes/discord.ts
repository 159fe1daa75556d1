import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { Faults } from './faults.js';
import { BOT_ROLE_ID, FakeScheduledEvents } from './discord-events.js';
import { APP_ID, BOT, CHANNEL_ID, GUILD_ID, USER, message, nextId, snowflakeAt, type FakeAuthor } from './discord-payloads.js';

export * from './discord-payloads.js';
export { BOT_ROLE_ID, MANAGE_EVENTS } from './discord-events.js';

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

/** Discord's largest page of Get Channel Messages, and the page size when none is asked for. */
const MAX_PAGE = 100;
const DEFAULT_PAGE = 50;
/** "In the past few minutes", Discord says of enforced nonces; the fake forgets them after five, by its clock. */
const NONCE_MEMORY_MS = 5 * 60_000;
/** @everyone's permissions on the fake server: View Channel, Send Messages, Embed Links, Read Message History. */
const EVERYONE_PERMISSIONS = String((1 << 10) | (1 << 11) | (1 << 14) | (1 << 16));

export interface FakeDiscordOptions {
  /** The time new messages are created at (their snowflake ids and timestamps); the system clock by default. */
  clock?: Clock;
}

/**
 * A loopback Discord: the REST routes the bot uses plus a JSON gateway
 * (HELLO, IDENTIFY → READY, RESUME → RESUMED, heartbeat ACKs). Every REST
 * call is recorded so tests assert on exactly what would have reached Discord.
 *
 * Channel history behaves like Discord's: newest first, at most 100 a page,
 * `before`/`after` a message id, no nonce on fetched messages, other
 * authors' messages mixed in (`addMessage`, `fill`). `faults` makes chosen
 * requests hang, fail after storing, or answer 429 (see ./faults.ts).
 */
export class FakeDiscord {
  readonly faults = new Faults<RestCall>();
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
  /** The server's scheduled events, and the bot role's permissions that allow them (./discord-events.ts). */
  readonly scheduledEvents = new FakeScheduledEvents();
  /** Enforced nonces → the message first created with them; Discord keeps them a few minutes (see NONCE_MEMORY_MS). */
  private readonly nonces = new Map<string, Record<string, unknown>>();
  private readonly events = new EventEmitter();
  private readonly http: Server;
  private readonly gateway: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private port = 0;
  private lastMessageId = 0n;
  private readonly clock: Clock;

  constructor(options: FakeDiscordOptions = {}) {
    this.clock = options.clock ?? systemClock;
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
    // Hung requests are dropped and their connections cut below, so a client waiting on one gets an error, not a hang.
    this.faults.endAll();
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

  /**
   * Sends an interaction over the gateway and resolves with the bot's first
   * answer to it (its callback: reply, defer, update or autocomplete).
   */
  interact(interaction: Record<string, unknown>, timeoutMs = WAIT_LIMIT_MS): Promise<RestCall> {
    this.dispatchInteraction(interaction);
    return this.waitForCall((call) => call.path.startsWith(`/v10/interactions/${String(interaction.id)}/`), timeoutMs);
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
    const fault = this.faults.take(call);
    if (fault?.kind === 'hang') {
      this.events.emit('call', call);
      if (await this.faults.hold()) this.answer(res, ...this.route(call));
      return;
    }
    if (fault?.kind === 'rate-limit') {
      const body = { message: 'You are being rate limited.', retry_after: fault.retryAfterSec, global: false };
      this.answer(res, 429, body, { 'retry-after': String(fault.retryAfterSec) });
    } else {
      const [status, body] = this.route(call);
      if (fault?.kind === 'fail-after-storing') this.answer(res, fault.status, { message: 'Service Unavailable', code: 0 });
      else this.answer(res, status, body);
    }
    this.events.emit('call', call);
  }

  private answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /**
   * Create Message. With `enforce_nonce`, a nonce seen before returns the
   * message first created with it and creates nothing (Discord's documented
   * behaviour, which makes a re-post after a crash idempotent).
   */
  private create(channel: string, body: any): Record<string, unknown> {
    const nonce = body?.enforce_nonce === true && body.nonce !== undefined ? String(body.nonce) : undefined;
    const remembered = nonce === undefined ? undefined : this.nonces.get(nonce);
    const earlier = remembered && this.clock.now().getTime() - Date.parse(String(remembered.timestamp)) < NONCE_MEMORY_MS ? remembered : undefined;
    if (earlier) return this.messages.get(String(earlier.id)) ?? earlier;
    const created: Record<string, unknown> = { ...this.stamped(message(channel, body)), ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}) };
    this.messages.set(String(created.id), created);
    if (nonce !== undefined) this.nonces.set(nonce, created);
    return created;
  }

  /** A message written by someone else (another bot, a member): history shows it, it is never the bot's. */
  addMessage(channel: string, author: FakeAuthor, body: { content?: string; embeds?: unknown[]; components?: unknown[] } = {}): Record<string, unknown> {
    const added = this.stamped(message(channel, body, author));
    this.messages.set(String(added.id), added);
    return added;
  }

  /** `count` chatty messages by `author`, as a busy channel has between our posts. */
  fill(channel: string, count: number, author: FakeAuthor): void {
    for (let i = 1; i <= count; i++) this.addMessage(channel, author, { content: `chatter ${i}` });
  }

  /** A message id from the fake's clock, as Discord's ids carry creation time; always above the last one. */
  private stamped(created: Record<string, unknown>): Record<string, unknown> {
    const now = this.clock.now().getTime();
    const fromClock = snowflakeAt(now);
    this.lastMessageId = fromClock > this.lastMessageId ? fromClock : this.lastMessageId + 1n;
    return { ...created, id: String(this.lastMessageId), timestamp: new Date(now).toISOString() };
  }

  /** Discord remembers an enforced nonce for a few minutes; this is those minutes passing. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** Messages created in a channel (not counting answers to interactions), oldest first. */
  channelMessages(channel: string): Record<string, unknown>[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channel);
  }

  /**
   * Get Channel Messages: newest first, `before`/`after` an id, at most 100.
   * A fetched message has no nonce (Discord echoes it only on create and in
   * the gateway event).
   */
  private history(channel: string, query: URLSearchParams): Record<string, unknown>[] {
    const limit = Math.min(Number(query.get('limit') ?? DEFAULT_PAGE), MAX_PAGE);
    const before = query.get('before');
    const after = query.get('after');
    const newestFirst = this.channelMessages(channel).sort((a, b) => (BigInt(String(b.id)) > BigInt(String(a.id)) ? 1 : -1));
    const inRange = newestFirst.filter((m) => (!before || BigInt(String(m.id)) < BigInt(before)) && (!after || BigInt(String(m.id)) > BigInt(after)));
    // With `after`, Discord pages forward from that id: the `limit` messages right after it, still newest first.
    const page = after && !before ? inRange.slice(-limit) : inRange.slice(0, limit);
    return page.map(({ nonce: _nonce, ...rest }) => rest);
  }

  private route(call: RestCall): [number, unknown] {
    const { method, path, query, body } = call;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/v10/gateway/bot') {
      return [200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    // The token's bot and its application (GET Current User / Current Application), for `yomikai doctor`.
    if (method === 'GET' && path === '/v10/users/@me') return [200, BOT];
    if (method === 'GET' && path === '/v10/applications/@me') return [200, { id: APP_ID, name: 'yomikai', bot: BOT, flags: 0 }];
    // A channel, its server and the bot's membership, for the doctor's permission check: @everyone may
    // view, send, embed and read history; a forbidden channel denies the bot Send Messages by an overwrite.
    if (method === 'GET' && (m = /^\/v10\/channels\/(\d+)$/.exec(path))) {
      const channel = m[1] ?? '';
      if (this.goneChannels.has(channel)) return [404, { code: 10003, message: 'Unknown Channel' }];
      const deny = this.forbiddenChannels.has(channel) ? [{ id: BOT.id, type: 1, allow: '0', deny: String(1 << 11) }] : [];
      return [200, { id: channel, type: 0, guild_id: GUILD_ID, name: 'reading-group', permission_overwrites: deny }];
    }
    if (method === 'GET' && path === `/v10/guilds/${GUILD_ID}`) {
      const roles = [{ id: GUILD_ID, name: '@everyone', permissions: EVERYONE_PERMISSIONS }, this.scheduledEvents.role()];
      return [200, { id: GUILD_ID, name: 'Study group', owner_id: USER.id, roles }];
    }
    if (method === 'GET' && path === `/v10/guilds/${GUILD_ID}/members/${BOT.id}`) return [200, { user: BOT, roles: [BOT_ROLE_ID], joined_at: '2024-01-01T00:00:00.000Z' }];
    const scheduled = this.scheduledEvents.route(call);
    if (scheduled) return scheduled;
    if (method === 'POST' && (m = /^\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path))) {
      if (query.get('with_response') !== 'true') return [204, undefined];
      // With `with_response`, Discord answers the callback and the message a public reply became, now in the channel.
      const callback = body as { type: number; data?: { flags?: number } };
      const posted = callback.type === 4 && !((callback.data?.flags ?? 0) & 64) ? this.create(CHANNEL_ID, callback.data) : undefined;
      return [200, { interaction: { id: m[1], type: 2, response_message_id: posted?.id ?? null }, resource: { type: callback.type, ...(posted ? { message: posted } : {}) } }];
    }
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
      return [200, this.history(m[1] ?? '', query)];
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
