import { allCommands } from '../../app.js';

const commands = allCommands();
import { ConfigError, loadConfig } from '../../config.js';
import { deployCommands, describeDeploy } from './deploy.js';

/**
 * `npm run discord:deploy`: registers the slash commands — to DISCORD_GUILD_ID
 * when set (instant, for testing), else globally. Registration is a script,
 * not a side effect of starting the bot, so restarts cost no API calls.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.discord) {
    process.stderr.write('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands.\n');
    return 2;
  }
  const result = await deployCommands(config.discord, commands);
  process.stdout.write(`${describeDeploy(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
