import { allCommands } from '../../app.js';

const commands = allCommands();
import { runManifestCli } from './manifest-command.js';

/** Entry point of `npm run slack:manifest`; see manifest-command.ts. */
try {
  process.exitCode = runManifestCli(process.argv.slice(2), commands);
} catch (error) {
  // Bad input is answered inside with exit 2; only a bug of ours gets here.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
