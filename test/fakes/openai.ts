import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers the next requests. */
export type FakeMode = 'normal' | 'slow' | 'stall' | '429' | '500' | 'malformed' | 'empty' | 'long' | 'refusal' | 'held';

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/**
 * An OpenAI-compatible server on 127.0.0.1 (POST /v1/chat/completions) that
 * records every request body. 'held' answers only when the test calls
 * release(); 'slow' never answers on its own (longer than any timeout the
 * tests configure) and its requests are ended by close(). 'stall' sends the
 * headers and the start of a body at once and then nothing more, as a model
 * server that hangs mid-answer does; close() ends those too.
 */
export class FakeOpenAI {
  readonly requests: RecordedRequest[] = [];
  mode: FakeMode = 'normal';
  /** Reported in `usage.total_tokens` of each normal answer. */
  tokensPerAnswer = 120;
  /** Starts every answer's text, so answers of two fakes can be told apart. */
  label = 'FAKE';
  private server: Server | undefined;
  private readonly waiting: ServerResponse[] = [];
  private readonly held: Array<() => void> = [];
  private readonly requestListeners: Array<() => void> = [];

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeOpenAI is not listening');
    return `http://127.0.0.1:${address.port}/v1`;
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    for (const res of this.waiting) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answers every 'held' request received so far. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /** Resolves once `count` requests in all have arrived. */
  async waitForRequests(count: number): Promise<void> {
    while (this.requests.length < count) await new Promise<void>((resolve) => this.requestListeners.push(resolve));
  }

  /** The prompt text (every message's content) of a recorded request. */
  promptOf(index: number): string {
    const body = this.requests[index]?.body;
    return (body?.messages ?? []).map((m: { content: string }) => m.content).join('\n');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    this.requests.push({ path: req.url ?? '', headers: req.headers, body });
    for (const listener of this.requestListeners.splice(0)) listener();
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return this.send(res, 404, { error: { message: 'not found' } });
    const count = this.requests.length;
    switch (this.mode) {
      case 'normal':
        return this.send(res, 200, completion(body, `${this.label} SUMMARY #${count} of the catalog facts.`, this.tokensPerAnswer));
      case 'held': {
        const tokens = this.tokensPerAnswer;
        this.waiting.push(res);
        this.held.push(() => this.send(res, 200, completion(body, `HELD SUMMARY #${count}.`, tokens)));
        return;
      }
      case 'slow':
        this.waiting.push(res);
        return;
      case 'stall':
        this.waiting.push(res);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "chatcmpl-stall", "object": "chat.completion", "choices": [');
        return;
      case '429':
        // retry-after 0 keeps the client's bounded retries from waiting.
        return this.send(res, 429, { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }, { 'retry-after-ms': '0' });
      case '500':
        return this.send(res, 500, { error: { message: 'The server had an error', type: 'server_error' } }, { 'retry-after-ms': '0' });
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "chatcmpl-1", "choices": [ {"message": ');
        return;
      case 'empty':
        return this.send(res, 200, completion(body, '', 10));
      case 'long':
        return this.send(res, 200, completion(body, 'A very long answer. '.repeat(2000), 4000));
      case 'refusal':
        return this.send(res, 200, completion(body, null, 15, 'I cannot help with that.'));
    }
  }

  private send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  }
}

function completion(request: any, content: string | null, totalTokens: number, refusal: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: request?.model ?? 'fake',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal } }],
    usage: { prompt_tokens: Math.floor(totalTokens / 2), completion_tokens: totalTokens - Math.floor(totalTokens / 2), total_tokens: totalTokens },
  };
}
