import type { IncomingMessage, ServerResponse } from 'node:http';
import { App as BoltApp, type AppOptions } from '@slack/bolt';
import type { AdapterHost } from '../host.js';
import type { ChatAdapter, Lookup, PostOptions, PostResult } from '../../core/adapter.js';
import type { Reply } from '../../core/reply.js';
import { boltLogger } from './bolt-logger.js';
import { SlackDisplayNames, type DisplayNameOptions } from './display-names.js';
import { registerHandlers } from './handlers.js';
import { DEFAULT_CALL_TIMEOUT_MS, SlackScheduled, type SlackCallLimits } from './scheduled.js';

export interface SlackAdapterOptions extends SlackCallLimits {
  /** Interface to listen on in HTTP mode; all interfaces by default (tests use 127.0.0.1). */
  host?: string;
  /** How long display names are cached, and how many (tests shorten them). */
  displayNames?: DisplayNameOptions;
}

/**
 * The Bolt app: HTTP mode (signed requests on PORT, plus GET /health) when a
 * signing secret is set, else Socket Mode with the app token. Every Web API
 * call, including Socket Mode's apps.connections.open, goes to SLACK_API_URL
 * when it is set.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly bolt: BoltApp;
  private readonly socketMode: boolean;
  private readonly scheduled: SlackScheduled;
  private running = false;

  constructor(
    private readonly app: AdapterHost,
    private readonly options: SlackAdapterOptions = {},
  ) {
    const slack = app.config.slack;
    if (!slack) throw new Error('SlackAdapter needs config.slack (SLACK_BOT_TOKEN).');
    this.socketMode = !slack.signingSecret;
    const slackApiUrl = slack.apiUrl ? withSlash(slack.apiUrl) : undefined;
    this.scheduled = new SlackScheduled(slack.botToken, slackApiUrl, app.logger, options);
    const common: AppOptions = {
      token: slack.botToken,
      logger: boltLogger(app.logger),
      // auth.test runs in start(), so a bad token stops start-up with a clear error.
      deferInitialization: true,
      // Bolt's own client (auth.test, users.info in handlers) gets a deadline too, and one quick
      // retry instead of the default ten over half an hour: a user is waiting on these.
      clientOptions: {
        ...(slackApiUrl ? { slackApiUrl } : {}),
        timeout: options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 250 },
      },
    };
    this.bolt = this.socketMode
      ? new BoltApp({ ...common, socketMode: true, appToken: slack.appToken })
      : new BoltApp({
          ...common,
          signingSecret: slack.signingSecret,
          port: slack.port,
          // The features' own routes (src/core/feature.ts) share this server.
          customRoutes: [
            { path: '/health', method: ['GET'], handler: health },
            ...app.routes.map((route) => ({ path: route.prefix ? `${route.path}/:segment` : route.path, method: [route.method], handler: (request: IncomingMessage, response: ServerResponse) => void route.handle(request, response) })),
          ],
        });
    const people = new SlackDisplayNames(app.clock, app.logger, options.displayNames);
    const postInChannel = (channel: string, reply: Reply) => this.scheduled.post(channel, reply);
    registerHandlers(this.bolt, { services: app, prefix: slack.commandPrefix, logger: app.logger, people, postInChannel });
  }

  async start(): Promise<void> {
    await this.bolt.init();
    await this.scheduled.identify();
    const slack = this.app.config.slack;
    if (this.socketMode || !slack) await this.bolt.start();
    else await this.bolt.start({ port: slack.port, ...(this.options.host ? { host: this.options.host } : {}) });
    this.running = true;
    this.app.logger.info({ mode: this.socketMode ? 'socket' : 'http', port: this.socketMode ? undefined : slack?.port }, 'slack adapter listening');
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.bolt.stop();
  }

  /** Bolt started (HTTP server listening, or the Socket Mode connection opened) and not stopped. */
  isUp(): boolean {
    return this.running;
  }

  post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    return this.scheduled.post(channel, reply, options);
  }

  edit(channel: string, messageId: string, reply: Reply): Promise<PostResult> {
    return this.scheduled.edit(channel, messageId, reply);
  }

  /** Slack finds by the key in our messages' metadata; the reply is not needed. */
  find(channel: string, _reply: Reply, key: string, since: Date): Promise<Lookup> {
    return this.scheduled.find(channel, key, since);
  }
}

/** For load balancers: answers as soon as the HTTP server is up. */
function health(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"ok":true}');
}

/** The Web API client joins method names onto the URL, so it must end in "/". */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
