import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthReport } from '../core/health.js';
import type { HttpRoute } from '../core/feature.js';
import type { Logger } from '../core/logger.js';
import { ConfigError } from '../config.js';

export interface HealthServerOptions {
  port: number;
  /** Interface to listen on; all interfaces by default (a container's HEALTHCHECK and an orchestrator reach it). Tests use 127.0.0.1. */
  host?: string;
  /** Asked afresh on every GET /health. */
  check(): HealthReport;
  /** The features' routes (src/core/feature.ts), served beside /health. */
  routes: readonly HttpRoute[];
  logger: Logger;
  /** The variable the port came from, named when it cannot be used (HEALTH_PORT unless told). */
  portName?: string;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The running bot's small HTTP server (HEALTH_PORT), in every platform mode:
 * Discord and Slack Socket Mode have no other. GET /health answers 200 with
 * the report when healthy, else 503 with the reasons.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((request, response) => void answer(request, response, options));
  await new Promise<void>((resolve, reject) => {
    // A taken or forbidden port stops start-up with one readable line, not a stack trace.
    const refused = (error: NodeJS.ErrnoException) =>
      reject(new ConfigError([`${options.portName ?? 'HEALTH_PORT'}=${options.port} cannot be used (${error.code ?? error.message}): another program may listen there; choose another port.`]));
    server.once('error', refused);
    server.listen(options.port, options.host, () => {
      server.off('error', refused);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port, variable: options.portName ?? 'HEALTH_PORT' }, 'health server listening');
  return {
    port,
    close: () => closeServer(server),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, options: HealthServerOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://health').pathname;
  try {
    if (request.method === 'GET' && path === '/health') {
      const report = options.check();
      response.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify(report));
      return;
    }
    const route = options.routes.find((candidate) => candidate.method === request.method && routeMatches(candidate, path));
    if (route) return await route.handle(request, response);
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"ok":false,"reasons":["no such route"]}');
  } catch (error) {
    options.logger.error({ err: error, path }, 'health server request failed');
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
    response.end('{"ok":false,"reasons":["internal error"]}');
  }
}

/** The exact path, or for a prefix route one segment below it. */
function routeMatches(route: HttpRoute, path: string): boolean {
  if (path === route.path) return !route.prefix;
  return Boolean(route.prefix) && path.startsWith(`${route.path}/`) && !path.slice(route.path.length + 1).includes('/');
}

function closeServer(server: Server): Promise<void> {
  // A kept-alive probe connection would hold close() open until it times out.
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
