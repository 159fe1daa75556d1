import { createInterface } from 'node:readline';
import type { AdapterHost } from '../host.js';
import { ConsoleAdapter } from './adapter.js';
import { startTicker } from '../../schedule/ticker.js';
import { translator, type Lang } from '../../i18n/index.js';
import { ANSI, PLAIN, renderText } from './render.js';
import { writeAttachments } from './attachments.js';
import { CONSOLE_PLACE, ConsoleSession } from './session.js';
import { placeKey } from '../../core/invocation.js';
import { completeLine } from './complete.js';
import { splitCommandLine } from '../../core/parse-text.js';
import { BALLOT_BUTTON_PATTERN } from '../../reading/ballot/buttons.js';

/**
 * The interactive terminal chat `npm start` opens when no chat tokens are set.
 * Resolves when the user quits or input ends (Ctrl-D, a closed pipe).
 */
export async function runRepl(
  services: AdapterHost,
  /** `filesDir`: where a reply's files are written (default: the current folder). */
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream & { isTTY?: boolean }; filesDir?: string },
  lang?: Lang,
): Promise<void> {
  const session = new ConsoleSession(services, lang);
  const style = io.output.isTTY ? ANSI : PLAIN;
  // The hint under a posted round speaks the console place's language as it is when the round
  // comes (a /settings language:ja in between counts), unless --lang chose one.
  const t = translator(lang ?? services.defaultLang);
  const hintT = () => translator(lang ?? services.settings.get(placeKey(CONSOLE_PLACE)).language ?? services.defaultLang);
  const rl = createInterface({
    input: io.input,
    output: io.output,
    terminal: Boolean(io.output.isTTY),
    prompt: 'yomikai> ',
    completer: (line: string) => completeLine(line, services),
  });
  const write = (text: string) => io.output.write(`${text}\n`);
  // Scheduled posts (quiz rounds) arrive between prompts: printed on their own lines, and their
  // buttons become what typing a number presses.
  services.adapters.set(
    'console',
    new ConsoleAdapter((text, reply) => {
      write(`\n${text}\n`);
      if (reply.buttons?.some((b) => !b.disabled)) {
        session.offer(reply.buttons);
        const hint = hintT();
        const ballot = reply.buttons.find((b) => BALLOT_BUTTON_PATTERN.test(b.id));
        if (ballot) write(hint(ballot.id.startsWith('b1:v:') ? 'ballot.console.vote' : 'ballot.console.schedule'));
        else write(reply.kind === 'reading' ? hint('reading.console.rsvp') : hint('quiz.console.round'));
      }
      rl.prompt(true);
    }, style),
  );
  const ticker = startTicker(() => services.tick(), services.logger);
  write(t('console.welcome'));
  rl.prompt();
  // Lines are handled one at a time, in order, even when pasted in a burst.
  let queue = Promise.resolve();
  let quitting = false;
  await new Promise<void>((done) => {
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        if (quitting) return;
        const outcome = await session.handle(line).catch((error: unknown) => {
          // Dispatch already turns command failures into replies; this is for our own bugs
          // around it, so one bad line never stops the chat.
          services.logger.error({ err: error, line }, 'console line failed');
          return { type: 'failed' as const };
        });
        if (outcome.type === 'failed') write(t('error.internal', { command: splitCommandLine(line)?.command ?? '?' }));
        if (outcome.type === 'quit') {
          quitting = true;
          write(t('console.bye'));
          rl.close();
          return;
        }
        if (outcome.type === 'not-a-command') write(t('console.notCommand'));
        if (outcome.type === 'result') {
          const files = writeAttachments(outcome.result.reply, translator(outcome.result.lang), io.filesDir);
          write([renderText(outcome.result.reply, style), ...files].join('\n') + '\n');
        }
        rl.prompt();
      });
    });
    rl.on('close', () => {
      ticker.stop();
      services.adapters.delete('console');
      void queue.then(done);
    });
  });
}
