import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from '../faults.js';
import { BOT_ID, BOT_USER_ID } from './fake-slack-channels.js';

export * from './fake-slack-channels.js';

/** One request a fake server received, body decoded (form fields, JSON, blocks parsed). */
export interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface FakeServer {
  url: string;
  port: number;
  requests: Recorded[];
  /**
   * Resolves with the first request matching `match`, or rejects after `timeoutMs`
   * (default 15 s: a hang detector for a readable failure, not a speed check).
   */
  waitFor(match: (request: Recorded) => boolean, timeoutMs?: number): Promise<Recorded>;
  /** Requests to hang, fail after taking effect, or rate-limit (see ../faults.ts); match with `method(...)`. */
  faults: Faults<Recorded>;
  /** Also cuts hung requests' connections, so a client waiting on one gets an error and the close ends. */
  close(): Promise<void>;
}

/** Matches requests to one Web API method, e.g. `method('chat.postMessage')`. */
export function method(name: string): (request: Recorded) => boolean {
  return (request) => request.path.replace(/^\/api\//, '').split('?')[0] === name;
}

export type Handler = (request: Recorded) => unknown;

/** A handler's answer with HTTP headers, e.g. the `x-oauth-scopes` Slack sends with every Web API answer. */
export class WithHeaders {
  constructor(
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {}
}

/** The bot scopes yomikai's manifest asks for, as Slack lists a token's grants in `x-oauth-scopes`. */
export const GRANTED_SCOPES = 'commands,chat:write,users:read,channels:history,groups:history';

/**
 * A loopback HTTP server that records every request and answers with
 * `handler`'s JSON. Used both as the Slack Web API and as response_url.
 */
export async function fakeServer(handler: Handler = () => ({ ok: true })): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  const faults = new Faults<Recorded>();
  const notify = (recorded: Recorded) => {
    for (const waiter of waiters.filter((w) => w.match(recorded))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
  };
  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const answerWith = (res: ServerResponse, reply: unknown) =>
    reply instanceof WithHeaders ? answer(res, 200, reply.body, reply.headers) : answer(res, 200, reply);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const recorded: Recorded = { path: req.url ?? '', headers: req.headers, body: decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']) };
      requests.push(recorded);
      const fault = faults.take(recorded);
      if (fault?.kind === 'hang') {
        notify(recorded);
        if (await faults.hold()) answerWith(res, handler(recorded));
        return;
      }
      if (fault?.kind === 'rate-limit') answer(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSec) });
      else if (fault?.kind === 'fail-after-storing') {
        handler(recorded);
        answer(res, fault.status, { ok: false, error: 'service_unavailable' });
      } else answerWith(res, handler(recorded));
      notify(recorded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    waitFor(match, timeoutMs = 15_000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching request within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    faults,
    close: () => {
      faults.endAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends nested arguments (blocks, metadata) as JSON inside the form.
  for (const key of ['blocks', 'payload', 'metadata']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  return body;
}

/** The Web API answers our bot needs; `overrides` by method name for error cases. */
export function slackApi(overrides: Record<string, Handler> = {}): Handler {
  return (request) => {
    const method = request.path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const override = overrides[method];
    if (override) return override(request);
    if (method === 'auth.test') {
      return new WithHeaders({ ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: 'T1', user: 'yomikai' }, { 'x-oauth-scopes': GRANTED_SCOPES });
    }
    if (method === 'conversations.info') return { ok: true, channel: { id: request.body.channel, is_member: true } };
    if (method === 'chat.postMessage') return { ok: true, channel: request.body.channel, ts: '1700000000.000100' };
    if (method === 'users.info') return { ok: true, user: { id: request.body.user, is_admin: false, is_owner: false } };
    return { ok: false, error: 'unknown_method' };
  };
}

export const SIGNING_SECRET = 'secret';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs a form-encoded body to Bolt, signed like Slack signs it unless told otherwise. */
export async function sendSigned(port: number, body: string, options: SendOptions = {}): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? sign(body, timestamp);
  }
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

export function slashCommand(fields: { command: string; text: string; responseUrl: string; userId?: string; teamId?: string }): Record<string, string> {
  return {
    token: 'legacy-token',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'reading-group',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: fields.userId ?? 'U1',
    user_name: 'alice',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: '123.456.abc',
  };
}

export function slashBody(fields: Parameters<typeof slashCommand>[0]): string {
  return new URLSearchParams(slashCommand(fields)).toString();
}

export interface ButtonClickFields {
  actionId: string;
  value?: string;
  responseUrl: string;
  ephemeral?: boolean;
  /** Who clicked (default U1 "alice"), and the ts of the message the button sits on. */
  user?: { id: string; name: string };
  messageTs?: string;
}

export function buttonClickBody(fields: ButtonClickFields): string {
  const user = fields.user ?? { id: 'U1', name: 'alice' };
  const payload = {
    type: 'block_actions',
    api_app_id: 'A1',
    token: 'legacy-token',
    trigger_id: '123.456.def',
    team: { id: 'T1', domain: 'reading-group' },
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
    channel: { id: 'C1', name: 'general' },
    container: { type: 'message', message_ts: fields.messageTs ?? '1700000000.000200', channel_id: 'C1', is_ephemeral: fields.ephemeral ?? true },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Next ▶' },
        value: fields.value ?? fields.actionId,
        action_ts: '1700000001.000300',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A port that was free a moment ago (config rejects PORT=0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
