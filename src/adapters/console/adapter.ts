import type { ChatAdapter, Lookup, PostOptions, PostResult } from '../../core/adapter.js';
import type { Reply } from '../../core/reply.js';
import { renderText, type TextStyle } from './render.js';

/**
 * Scheduled posts in the console chat: a quiz round is printed where the
 * person is typing, and its buttons become the numbers they can type.
 * Edits (the live answer count) are not reprinted: in a terminal the
 * count would only scroll the conversation away.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private next = 1;
  /** Keys posted in this process: the console's whole history. */
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly show: (text: string, reply: Reply) => void,
    private readonly style?: TextStyle,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async post(_channel: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    const key = options.idempotencyKey;
    const earlier = key ? this.byKey.get(key) : undefined;
    if (earlier) return { ok: true, messageId: earlier };
    this.show(renderText(reply, this.style), reply);
    const messageId = `console-${this.next++}`;
    if (key) this.byKey.set(key, messageId);
    return { ok: true, messageId };
  }

  async find(_channel: string, _reply: Reply, key: string): Promise<Lookup> {
    const messageId = this.byKey.get(key);
    return messageId ? { state: 'found', messageId } : { state: 'absent' };
  }

  async edit(_channel: string, messageId: string): Promise<PostResult> {
    return { ok: true, messageId };
  }
}
