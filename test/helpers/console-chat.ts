import { PassThrough } from 'node:stream';
import { onTestFailed } from 'vitest';
import { runRepl } from '../../src/adapters/console/repl.js';
import type { Lang } from '../../src/i18n/index.js';
import type { testApp } from './app.js';
import { Transcript } from './transcript.js';

/**
 * The interactive console chat (`npm start` with no tokens) on piped input and
 * output, as the console e2e tests drive it: `say` types a line and waits for
 * the screen to show `expectText`, then returns what appeared since. On a
 * failure the whole screen is printed.
 */
export function consoleChat(app: ReturnType<typeof testApp>, options: { lang?: Lang; filesDir?: string } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  const screen = new Transcript(output);
  const done = runRepl(app, { input, output, ...(options.filesDir ? { filesDir: options.filesDir } : {}) }, options.lang);
  onTestFailed(() => console.error(screen.explain()));
  const say = async (line: string, expectText: string | RegExp): Promise<string> => {
    const from = screen.text.length;
    input.write(`${line}\n`);
    await screen.waitFor(expectText, from);
    return screen.text.slice(from);
  };
  return { input, screen, done, say };
}
