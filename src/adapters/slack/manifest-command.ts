import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../../core/command.js';
import { buildManifest } from './manifest.js';

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, text: string): void;
}

const USAGE =
  'Usage: slack:manifest (--url https://your-host/slack/events | --socket) [--prefix yk-] [--name yomikai] [--out manifest.json]\n' +
  '  --url     HTTP mode: the public https address where Slack sends commands and button clicks\n' +
  '  --socket  Socket Mode: no public URL; needs SLACK_APP_TOKEN at run time\n' +
  '  --prefix  put in front of every command, like SLACK_COMMAND_PREFIX (yk- → /yk-model, /yk-yomikai)\n' +
  '  --name    app and bot name (default yomikai): lower-case letters, digits, ".", "-", "_"\n';

/**
 * `npm run slack:manifest -- …`: prints the manifest (or writes it to --out)
 * and returns the exit code — 0, or 2 with one line naming the bad input.
 * The prefix is an argument, not read from the environment, so the manifest
 * is reproducible anywhere.
 */
export function runManifestCli(argv: readonly string[], commands: readonly Command[], io: CliOutput = processOutput): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        socket: { type: 'boolean', default: false },
        prefix: { type: 'string', default: '' },
        out: { type: 'string' },
        name: { type: 'string', default: 'yomikai' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return refuse(io, `${firstLine(error)} Try --help.`);
  }
  if (values.help) {
    io.stderr(USAGE);
    return 0;
  }
  if (!values.url && !values.socket) return refuse(io, 'Say where Slack sends requests: --url https://your-host/slack/events, or --socket. Try --help.');
  if (values.url !== undefined && values.socket) return refuse(io, 'Use either --url (HTTP mode) or --socket (Socket Mode), not both.');
  if (!/^[a-z0-9_-]{0,10}$/.test(values.prefix)) {
    return refuse(io, '--prefix must be up to 10 lower-case letters, digits, "-" or "_" (like SLACK_COMMAND_PREFIX).');
  }
  let manifest;
  try {
    manifest = buildManifest(commands, {
      socketMode: values.socket,
      prefix: values.prefix,
      name: values.name,
      ...(values.url !== undefined ? { requestUrl: values.url } : {}),
    });
  } catch (error) {
    return refuse(io, firstLine(error));
  }
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out) {
    try {
      io.writeFile(values.out, json);
    } catch (error) {
      return refuse(io, `Could not write --out ${values.out}: ${firstLine(error)}`);
    }
    io.stderr(`Wrote ${values.out} with ${manifest.features.slash_commands.length} slash commands.\n`);
  } else {
    io.stdout(json);
  }
  return 0;
}

function refuse(io: CliOutput, message: string): number {
  io.stderr(`${message}\n`);
  return 2;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (path, text) => writeFileSync(path, text),
};
