import { userInfo } from 'node:os';
import { dispatch, type DispatchResult, type DispatchServices } from '../../core/dispatch.js';
import type { Invocation, Place } from '../../core/invocation.js';
import { pageButtonTarget } from '../../core/paging.js';
import { splitCommandLine } from '../../core/parse-text.js';
import { withTypedOptions } from '../../core/typed-invocation.js';
import { pressButton } from '../../core/buttons.js';
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
  /** The buttons of the latest scheduled post (a quiz round), pressable again after a reply without buttons. */
  private posted: ReplyButton[] = [];

  constructor(
    private readonly services: DispatchServices,
    private readonly lang?: Lang,
  ) {}

  async handle(line: string): Promise<SessionOutcome> {
    const input = line.trim();
    if (input === '') return { type: 'empty' };
    if (/^\/(quit|exit|q)$/i.test(input)) return { type: 'quit' };
    const pressed = /^\d{1,2}$/.test(input) ? this.buttons[Number(input) - 1] : undefined;
    if (pressed && !pressed.disabled) {
      // A quiz answer (or any button a service handles) is answered privately, and the
      // round's buttons stay pressable so the answer can still be changed.
      const handled = await pressButton({ id: pressed.id, actor: this.actor(), place: CONSOLE_PLACE, ...(this.lang ? { lang: this.lang } : {}) }, this.services);
      if (handled) return { type: 'result', result: handled };
    }
    const invocation = pressed && !pressed.disabled ? this.fromButton(pressed) : this.fromLine(input);
    if (!invocation) return { type: 'not-a-command' };
    if ('reply' in invocation) return { type: 'result', result: invocation };
    const result = await dispatch(invocation, this.services);
    // A reply without buttons (/quiz reveal, /model) leaves the numbers on the round last posted,
    // so a late answer is told the round is closed rather than "not a command".
    this.buttons = result.reply.buttons?.length ? result.reply.buttons : this.posted;
    return { type: 'result', result };
  }

  /** A scheduled post (a quiz round) arrived: its buttons are what the numbers press now. */
  offer(buttons: readonly ReplyButton[]): void {
    this.posted = [...buttons];
    this.buttons = this.posted;
  }

  private actor(): { id: string; name: string; manager: boolean } {
    const name = safeUserName();
    // The terminal's user owns the console place.
    return { id: name, name, manager: true };
  }

  private fromLine(input: string): Invocation | DispatchResult | undefined {
    const split = splitCommandLine(input);
    if (!split) return undefined;
    return withTypedOptions(this.invocation(split.command, {}), split.text, this.services);
  }

  private fromButton(button: ReplyButton): Invocation | undefined {
    const target = pageButtonTarget(button.id, this.services.registry);
    if (!target) return undefined;
    const verb = target.subcommand ? { subcommand: target.subcommand } : {};
    return { ...this.invocation(target.command, target.options), ...verb, page: target.page, ...(target.lang ? { lang: target.lang } : {}) };
  }

  private invocation(command: string, options: Invocation['options']): Invocation {
    return {
      command,
      options,
      actor: this.actor(),
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
