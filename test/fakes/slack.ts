import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { BOT_ID, BOT_USER_ID } from './slack-channels.js';
import { SIGNING_SECRET, buttonClickBody, freePort, sendSigned, slashBody, type ButtonClickFields } from './slack-requests.js';

export * from './slack-channels.js';
export * from './slack-requests.js';

/** One request a fake server received, body decoded (form fields, JSON, blocks parsed). */
export interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** The bytes as sent (a file upload's multipart body). */
  raw: Buffer;
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
  /** Requests to hang, fail after taking effect, or rate-limit (see ./faults.ts); match with `method(...)`. */
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
export const GRANTED_SCOPES = 'commands,chat:write,users:read,channels:history,groups:history,files:write,im:write';

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
      const raw = Buffer.concat(chunks);
      const recorded: Recorded = { path: req.url ?? '', headers: req.headers, body: decode(raw.toString('utf8'), req.headers['content-type']), raw };
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
  // Multipart bodies (file bytes) are read from `raw`; see slack-files.ts.
  if (raw === '' || contentType?.includes('multipart/form-data')) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends nested arguments (blocks, metadata) as JSON inside the form.
  for (const key of ['blocks', 'payload', 'metadata']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  return body;
}

/** The Web API answers our bot needs; `overrides` by method name for error cases. */
export function slackApi(overrides: Record<string, Handler> = {}): Handler {
  return (request) => {
    // Web API methods are /api/<method>; anything else (the upload URLs the fake hands out) by its first segment.
    const method = (request.path.startsWith('/api/') ? request.path.slice('/api/'.length) : (request.path.split('/')[1] ?? '')).split('?')[0] ?? '';
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

/**
 * The one fake Slack for a Bolt app in HTTP mode: the Web API (`api`, answering
 * with `handler`), a response_url server (`responses`), and a free port for
 * Bolt to listen on. `env` is what the bot's config needs to use them;
 * `slash` and `click` send signed requests, each with a response_url of its
 * own, and resolve with the first answer posted there.
 */
export class FakeSlack {
  private sent = 0;

  private constructor(readonly api: FakeServer, readonly responses: FakeServer, readonly boltPort: number) {}

  static async start(handler: Handler = slackApi()): Promise<FakeSlack> {
    const [api, responses, boltPort] = await Promise.all([fakeServer(handler), fakeServer(), freePort()]);
    return new FakeSlack(api, responses, boltPort);
  }

  /** The environment that points the bot's Slack side here. */
  get env(): Record<string, string> {
    return { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${this.api.url}/api/`, PORT: String(this.boltPort) };
  }

  /** A fresh response_url on `responses`. */
  responseUrl(id: string): string {
    return `${this.responses.url}/r/${id}`;
  }

  /** A signed slash command from `userId` (U1 unless given); resolves with the bot's answer at its response_url. */
  slash(command: string, text: string, userId?: string): Promise<Recorded> {
    const id = `s${++this.sent}`;
    return this.send(id, slashBody({ command, text, responseUrl: this.responseUrl(id), ...(userId === undefined ? {} : { userId }) }));
  }

  /**
   * A signed slash command whose answer the bot posts with chat.postMessage (a
   * tracked card such as the /reading add confirmation); resolves with that post.
   */
  async slashToChannel(command: string, text: string, userId?: string): Promise<Recorded> {
    const earlier = new Set(this.api.requests);
    const id = `s${++this.sent}`;
    const { status, text: answer } = await sendSigned(this.boltPort, slashBody({ command, text, responseUrl: this.responseUrl(id), ...(userId === undefined ? {} : { userId }) }));
    if (status !== 200) throw new Error(`Bolt answered ${status} to a signed request: ${answer}`);
    return this.api.waitFor((r) => method('chat.postMessage')(r) && !earlier.has(r));
  }

  /** A signed button click; resolves with the bot's answer at its response_url. */
  click(fields: Omit<ButtonClickFields, 'responseUrl'>): Promise<Recorded> {
    const id = `c${++this.sent}`;
    return this.send(id, buttonClickBody({ ...fields, responseUrl: this.responseUrl(id) }));
  }

  async close(): Promise<void> {
    await Promise.all([this.api.close(), this.responses.close()]);
  }

  /** Slack counts anything but 200 as a failed delivery, so that fails the test here. */
  private async send(id: string, body: string): Promise<Recorded> {
    const { status, text } = await sendSigned(this.boltPort, body);
    if (status !== 200) throw new Error(`Bolt answered ${status} to a signed request: ${text}`);
    return this.responses.waitFor((r) => r.path === `/r/${id}`);
  }
}
