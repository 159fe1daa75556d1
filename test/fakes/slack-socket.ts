import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode end on 127.0.0.1: the URL that apps.connections.open
 * hands out (`url`, after `listen`). It says hello to each connection, keeps
 * the latest one (`socket`) for the test to send envelopes on, and records
 * every message the app sends back (`received`: the envelopes' acks).
 */
export class FakeSlackSocket {
  readonly received: Record<string, unknown>[] = [];
  socket: WebSocket | undefined;
  private server: WebSocketServer | undefined;

  async listen(): Promise<void> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    server.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => this.received.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeSlackSocket is not listening');
    return `ws://127.0.0.1:${address.port}/link`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
}
