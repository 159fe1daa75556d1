import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { buildManifest } from '../../../src/adapters/slack/manifest.js';
import { commandName } from '../../../src/adapters/slack/inbound.js';

describe('Slack app manifest', () => {
  it('lists exactly the commands in commands/, with usage hints and the request URL in HTTP mode', () => {
    const url = 'https://bot.example.org/slack/events';
    const manifest = buildManifest(commands, { requestUrl: url, socketMode: false });
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(commands.map((c) => `/${c.name}`).sort());
    const model = manifest.features.slash_commands.find((c) => c.command === '/model');
    expect(model).toMatchObject({ description: 'Look up a model or method from the survey', usage_hint: '<name>', should_escape: false, url });
    expect(manifest.features.slash_commands.every((c) => c.command.length <= 32 && c.url === url)).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read']));
    expect(manifest.settings).toMatchObject({ interactivity: { is_enabled: true, request_url: url }, socket_mode_enabled: false });
  });

  it('in Socket Mode has no URLs, and applies the command prefix the adapter strips again', () => {
    const manifest = buildManifest(commands, { socketMode: true, prefix: 'yk-' });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain('/yk-model');
    expect(manifest.features.slash_commands.some((c) => 'url' in c)).toBe(false);
    for (const entry of manifest.features.slash_commands) {
      expect(commands.map((c) => c.name)).toContain(commandName(entry.command, 'yk-'));
    }
  });

  it('refuses HTTP mode without a URL and names that would exceed 32 characters', () => {
    expect(() => buildManifest(commands, { socketMode: false })).toThrow(/--url/);
    expect(() => buildManifest([{ ...commands[0]!, name: 'a'.repeat(25) }], { socketMode: true, prefix: 'prefix-yk' })).toThrow(/32/);
  });
});
