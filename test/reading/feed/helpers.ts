import ICAL from 'ical.js';
import type { App } from '../../../src/app.js';
import { startHealthServer, type HealthServer } from '../../../src/adapters/health-server.js';
import type { Actor } from '../../../src/core/invocation.js';
import { feedServerOptions } from '../../../src/start.js';
import { AIKO, say } from '../harness.js';

export const PUBLIC_URL = 'https://yomikai.example.org/bot/';
export const MANAGER: Actor = { ...AIKO, manager: true };

/** The bot's feed server (FEED_PORT's, as `npm start` builds it) on 127.0.0.1 and a free port. */
export function feedServer(app: App): Promise<HealthServer> {
  return startHealthServer({ ...feedServerOptions(app, [], 0), host: '127.0.0.1' });
}

/** Runs /reading feed as `actor` and returns the token in the https address it shows. */
export async function feedToken(app: App, actor: Actor, line = '/reading feed'): Promise<string> {
  const result = await say(app, line, { actor });
  const https = result.reply.fields?.find((field) => field.value.startsWith('https://'))?.value ?? '';
  const match = new RegExp(`^${PUBLIC_URL}reading/feed/([A-Za-z0-9_-]+)\\.ics$`).exec(https);
  if (!match?.[1]) throw new Error(`no feed address in: ${JSON.stringify(result.reply)}`);
  return match[1];
}

/** GET (or HEAD) the feed at the path PUBLIC_URL's proxy sends to the bot. */
export function fetchFeed(server: HealthServer, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/reading/feed/${token}.ics`, init);
}

export function parseEvents(text: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
