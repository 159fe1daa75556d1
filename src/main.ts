import { main } from './cli.js';

/**
 * `npm start`: the bot, or the console chat when no chat tokens are set.
 * Takes the CLI's options too: `npm start -- --lang ja --db ./group.db`.
 */
await main(process.argv.slice(2));
