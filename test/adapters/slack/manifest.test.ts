import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import type { Command } from '../../../src/core/command.js';
import { SLACK_BUILT_IN_COMMANDS, slackCommandSet, splitUmbrellaText } from '../../../src/adapters/slack/command-names.js';
import { buildManifest } from '../../../src/adapters/slack/manifest.js';
import { runManifestCli } from '../../../src/adapters/slack/manifest-command.js';

const url = 'https://bot.example.org/slack/events';
const slashes = (manifest: ReturnType<typeof buildManifest>) => manifest.features.slash_commands.map((c) => c.command);
const named = (name: string): Command => ({ ...commands[0]!, name });

describe('Slack app manifest', () => {
  it('never registers one of Slack’s built-in commands, and always registers the umbrella /yomikai', () => {
    const manifest = buildManifest(commands, { requestUrl: url, socketMode: false });
    const registered = slashes(manifest);
    for (const slash of registered) expect(SLACK_BUILT_IN_COMMANDS.has(slash.slice(1)), slash).toBe(false);
    // /topic, /search and /help belong to Slack; those commands are typed `/yomikai topic …`.
    expect(registered).not.toContain('/topic');
    expect(registered).not.toContain('/search');
    expect(registered).not.toContain('/help');
    expect(registered[0]).toBe('/yomikai');
    expect(registered).toEqual(expect.arrayContaining(['/model', '/dataset', '/settings']));
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('describes the umbrella with every command, and keeps usage hints, escaping and the URL on each entry', () => {
    const manifest = buildManifest(commands, { requestUrl: url, socketMode: false });
    const umbrella = manifest.features.slash_commands[0]!;
    for (const command of commands) expect(umbrella.description).toContain(command.name);
    expect(umbrella.usage_hint).toContain('<command>');
    const model = manifest.features.slash_commands.find((c) => c.command === '/model');
    expect(model).toMatchObject({ description: 'Look up a model or method from the survey', usage_hint: '<name>', should_escape: false, url });
    expect(manifest.features.slash_commands.every((c) => c.command.length <= 32 && c.url === url && c.should_escape === false)).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'files:write', 'im:write']));
    expect(manifest.settings).toMatchObject({ interactivity: { is_enabled: true, request_url: url }, socket_mode_enabled: false });
    expect(manifest.features.bot_user.display_name).toBe('yomikai');
  });

  it('puts the prefix before every command, the umbrella included, and in Socket Mode has no URLs', () => {
    const manifest = buildManifest(commands, { socketMode: true, prefix: 'yk-' });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.slash_commands.some((c) => 'url' in c)).toBe(false);
    // Prefixed names are free of Slack's built-ins, so every command gets its own as well.
    expect(slashes(manifest)).toEqual(['/yk-yomikai', ...commands.map((c) => `/yk-${c.name}`)]);
  });

  it('leaves a future command with a built-in or over-long name to the umbrella instead of failing', () => {
    const more = [...commands, named('status'), named('remind'), named('a'.repeat(32))];
    const manifest = buildManifest(more, { socketMode: true });
    expect(slashes(manifest)).not.toContain('/status');
    expect(slashes(manifest)).not.toContain('/remind');
    expect(slashes(manifest).every((slash) => slash.length <= 32)).toBe(true);
    expect(manifest.features.slash_commands[0]!.description).toContain('status');
  });

  it('stays within Slack’s 50 commands per app, the umbrella first', () => {
    const many = Array.from({ length: 60 }, (_, i) => named(`cmd${i}`));
    const registered = slashes(buildManifest(many, { socketMode: true }));
    expect(registered).toHaveLength(50);
    expect(registered[0]).toBe('/yomikai');
  });
});

describe('how commands are typed on Slack', () => {
  const names = slackCommandSet(commands.map((c) => c.name));

  it('uses a command’s own name where Slack leaves it free, the umbrella where it does not', () => {
    expect(names.slash('model')).toBe('/model');
    expect(names.slash('topic')).toBe('/yomikai topic');
    expect(names.slash('search')).toBe('/yomikai search');
    expect(names.slash('help')).toBe('/yomikai help');
    expect(slackCommandSet(['topic'], 'yk-').slash('topic')).toBe('/yk-topic');
  });

  it('reads the umbrella’s text as a command and its own text; nothing at all means help', () => {
    expect(splitUmbrellaText('model X3D')).toEqual({ name: 'model', text: 'X3D' });
    expect(splitUmbrellaText('  Dataset   segmentation page:2 ')).toEqual({ name: 'dataset', text: 'segmentation page:2 ' });
    expect(splitUmbrellaText('/help model')).toEqual({ name: 'help', text: 'model' });
    expect(splitUmbrellaText('')).toEqual({ name: 'help', text: '' });
    expect(splitUmbrellaText('   ')).toEqual({ name: 'help', text: '' });
  });
});

/** runManifestCli with its output captured. */
function cli(...argv: string[]): { code: number; stdout: string; stderr: string; written: string[] } {
  const out = { stdout: '', stderr: '', written: [] as string[] };
  const code = runManifestCli(argv, commands, {
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
    writeFile: (path) => out.written.push(path),
  });
  return { code, ...out };
}

describe('npm run slack:manifest', () => {
  it('prints a manifest for good input and exits 0', () => {
    const { code, stdout } = cli('--url', url, '--name', 'study-bot.v2');
    expect(code).toBe(0);
    const manifest = JSON.parse(stdout) as ReturnType<typeof buildManifest>;
    expect(manifest.display_information.name).toBe('study-bot.v2');
    expect(manifest.features.bot_user.display_name).toBe('study-bot.v2');
  });

  const refused: [string, string[], RegExp][] = [
    ['a plain-http URL', ['--url', 'http://bot.example.org/slack/events'], /--url must start with https:\/\//],
    ['an ftp URL', ['--url', 'ftp://bot.example.org/slack/events'], /--url must start with https:\/\//],
    ['a malformed URL', ['--url', 'bot.example.org/slack events'], /is not a URL/],
    ['https with no host', ['--url', 'https://'], /is not a URL|must start with https/],
    ['a name with capitals', ['--socket', '--name', 'Yomikai'], /--name "Yomikai" is not a name Slack accepts/],
    ['a name with a space', ['--socket', '--name', 'yomi kai'], /--name "yomi kai"/],
    ['a name over 35 characters', ['--socket', '--name', 'y'.repeat(36)], /1–35 lower-case letters/],
    ['an empty name', ['--socket', '--name', ''], /--name ""/],
    ['a name in Japanese', ['--socket', '--name', '読み会'], /--name "読み会"/],
    ['both --url and --socket', ['--url', url, '--socket'], /either --url .* or --socket/],
    ['neither --url nor --socket', [], /--url https:\/\/your-host\/slack\/events, or --socket/],
    ['a bad prefix', ['--socket', '--prefix', 'YK!'], /--prefix must be/],
    ['an unknown option', ['--socket', '--colour', 'red'], /Unknown option '--colour'/],
  ];
  it.each(refused)('refuses %s with one line and exit 2, printing no manifest', (_label, argv, message) => {
    const { code, stdout, stderr, written } = cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(written).toEqual([]);
  });

  it('exits 2 with that line from the built script too (npm test builds first)', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['dist/src/adapters/slack/manifest-cli.js', '--url', 'http://bot.example.org/slack/events']).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim()).toMatch(/^--url must start with https:\/\/ \(got "http:\/\/bot\.example\.org\/slack\/events"\)/);
    expect(failed?.stdout).toBe('');
  });
});
