import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What Slack sends to the bot's Bolt app in HTTP mode: slash commands and
 * button clicks, form-encoded and signed with the app's signing secret.
 */

export const SIGNING_SECRET = 'secret';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The headers Slack sends with a request it signed at `timestamp` (seconds). */
export function signedHeaders(body: string, timestamp: number): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) };
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
