import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commands } from '../../../commands/index.js';
import { buildManifest } from './manifest.js';

/**
 * `npm run slack:manifest -- [--url https://host/slack/events | --socket] [--prefix yk-] [--out manifest.json]`
 * Prints the manifest (or writes it to --out). The prefix is an argument, not
 * read from the environment, so the manifest is reproducible anywhere.
 */
function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      socket: { type: 'boolean', default: false },
      prefix: { type: 'string', default: '' },
      out: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (!values.url && !values.socket)) {
    process.stderr.write(
      'Usage: slack:manifest (--url https://your-host/slack/events | --socket) [--prefix yk-] [--out manifest.json] [--name yomikai]\n' +
        '  --url     HTTP mode: where Slack sends commands and button clicks\n' +
        '  --socket  Socket Mode: no public URL; needs SLACK_APP_TOKEN at run time\n',
    );
    return values.help ? 0 : 2;
  }
  if (values.prefix && !/^[a-z0-9_-]{0,10}$/.test(values.prefix)) {
    process.stderr.write('--prefix must be up to 10 lower-case letters, digits, "-" or "_" (like SLACK_COMMAND_PREFIX).\n');
    return 2;
  }
  const manifest = buildManifest(commands, {
    socketMode: values.socket,
    prefix: values.prefix,
    ...(values.url ? { requestUrl: values.url } : {}),
    ...(values.name ? { name: values.name } : {}),
  });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, json);
    process.stderr.write(`Wrote ${values.out} with ${manifest.features.slash_commands.length} slash commands.\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
