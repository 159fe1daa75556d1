import { explainStartupError, start } from './start.js';

/** `npm start`: the bot, or the console chat when no chat tokens are set. */
start().catch((error: unknown) => {
  const message = explainStartupError(error);
  process.stderr.write(`${message ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  process.exit(message ? 2 : 1);
});
