import { userInfo } from 'node:os';
import { dispatch, resolveLang, userErrorReply, type DispatchResult, type DispatchServices } from '../../core/dispatch.js';
import { isUserError } from '../../core/errors.js';
import type { Invocation, Place } from '../../core/invocation.js';
import { parsePageButton } from '../../core/paging.js';
import { parseOptionsText, splitCommandLine } from '../../core/parse-text.js';
import type { ReplyButton } from '../../core/reply.js';
import type { Lang } from '../../i18n/index.js';

export const CONSOLE_PLACE: Place = { platform: 'console', scope: 'local', channel: 'terminal' };

export type SessionOutcome =
  | { type: 'empty' }
  | { type: 'quit' }
  | { type: 'not-a-command' }
  | { type: 'result'; result: DispatchResult };

/**
 * One person typing commands: parses a line, dispatches it, and remembers the
 * last reply's buttons so typing "2" presses the second one.
 */
export class ConsoleSession {
  private buttons: ReplyButton[] = [];

  constructor(
    private readonly services: DispatchServices,
    private readonly lang?: Lang,
  ) {}

  async handle(line: string): Promise<SessionOutcome> {
    const input = line.trim();
    if (input === '') return { type: 'empty' };
    if (/^\/(quit|exit|q)$/i.test(input)) return { type: 'quit' };
    const pressed = /^\d{1,2}$/.test(input) ? this.buttons[Number(input) - 1] : undefined;
    const invocation = pressed && !pressed.disabled ? this.fromButton(pressed) : this.fromLine(input);
    if (!invocation) return { type: 'not-a-command' };
    if ('reply' in invocation) return { type: 'result', result: invocation };
    const result = await dispatch(invocation, this.services);
    this.buttons = result.reply.buttons ?? [];
    return { type: 'result', result };
  }

  private fromLine(input: string): Invocation | DispatchResult | undefined {
    const split = splitCommandLine(input);
    if (!split) return undefined;
    const base = this.invocation(split.command, {});
    const command = this.services.registry.get(split.command);
    if (!command) return base; // dispatch explains the unknown command
    try {
      return { ...base, options: parseOptionsText(command, split.text) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      const lang = resolveLang(base, this.services);
      return { reply: userErrorReply(error, lang), status: 'user-error', lang };
    }
  }

  private fromButton(button: ReplyButton): Invocation | undefined {
    const request = parsePageButton(button.id);
    if (!request) return undefined;
    const command = this.services.registry.get(request.command);
    const firstOption = command?.options[0]?.name;
    return { ...this.invocation(request.command, firstOption ? { [firstOption]: request.query } : {}), page: request.page };
  }

  private invocation(command: string, options: Invocation['options']): Invocation {
    return {
      command,
      options,
      actor: { id: safeUserName() },
      place: CONSOLE_PLACE,
      ...(this.lang ? { lang: this.lang } : {}),
    };
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'console';
  }
}
