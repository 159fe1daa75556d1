import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../../core/feature.js';
import type { Logger } from '../../core/logger.js';
import { FEED_PATH, type ReadingFeed } from './feed.js';

/** Subscribed calendars poll; five minutes keeps them fresh without asking every few seconds. */
const CACHE_CONTROL = 'private, max-age=300';
const FEED_FILE = /^([A-Za-z0-9_-]{1,100})\.ics$/;

/**
 * GET and HEAD /reading/feed/<token>.ics. Every token that opens nothing —
 * wrong, rotated away, malformed — gets the same 404 with the same body, so
 * an answer says nothing about what exists.
 */
export function feedRoutes(feed: ReadingFeed, logger: Logger): HttpRoute[] {
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    try {
      answer(feed, request, response);
    } catch (error) {
      // Logged here without the path: the servers' own error logs would write the token into the logs.
      logger.error({ err: error }, 'reading: feed request failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end();
    }
  };
  return [
    { method: 'GET', path: FEED_PATH, prefix: true, handle },
    { method: 'HEAD', path: FEED_PATH, prefix: true, handle },
  ];
}

function answer(feed: ReadingFeed, request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://feed').pathname;
  const file = path.startsWith(`${FEED_PATH}/`) ? FEED_FILE.exec(path.slice(FEED_PATH.length + 1)) : null;
  const found = file?.[1] === undefined ? undefined : feed.calendar(file[1]);
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end('Not found\n');
    return;
  }
  const common = { etag: found.etag, 'cache-control': CACHE_CONTROL, 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' };
  if (matches(request.headers['if-none-match'], found.etag)) {
    response.writeHead(304, common);
    response.end();
    return;
  }
  response.writeHead(200, { ...common, 'content-type': 'text/calendar; charset=utf-8', 'content-length': Buffer.byteLength(found.body) });
  response.end(request.method === 'HEAD' ? undefined : found.body);
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly — a listed tag, with or without W/, or "*". */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
