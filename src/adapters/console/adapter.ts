import type { ChatAdapter, PostResult } from '../../core/adapter.js';
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

  constructor(
    private readonly show: (text: string, reply: Reply) => void,
    private readonly style?: TextStyle,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async post(_channel: string, reply: Reply): Promise<PostResult> {
    this.show(renderText(reply, this.style), reply);
    return { ok: true, messageId: `console-${this.next++}` };
  }

  async edit(_channel: string, messageId: string): Promise<PostResult> {
    return { ok: true, messageId };
  }
}
