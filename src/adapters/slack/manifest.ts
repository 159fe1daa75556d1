import type { Command } from '../../core/command.js';
import { usageLine } from '../../core/usage.js';
import { translateDynamic } from '../../i18n/index.js';

/**
 * The Slack app manifest, generated from the same command list the bot
 * serves, so the slash commands Slack knows and the ones we answer can't
 * drift apart. Paste it at api.slack.com/apps → Create New App → From a manifest.
 */
export interface ManifestOptions {
  /** SLACK_COMMAND_PREFIX, e.g. "yk-" → /yk-model. */
  prefix?: string;
  /** HTTP mode: the public URL Bolt listens on, e.g. https://bot.example.org/slack/events. */
  requestUrl?: string;
  socketMode: boolean;
  name?: string;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; description: string; usage_hint?: string; should_escape: boolean; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** Slack's limit on a slash command's name, slash included. */
const MAX_COMMAND_LENGTH = 32;

export function buildManifest(commands: readonly Command[], options: ManifestOptions): SlackManifest {
  if (!options.socketMode && !options.requestUrl) throw new Error('HTTP mode needs a request URL (--url https://host/slack/events), or use --socket.');
  const prefix = options.prefix ?? '';
  const url = options.socketMode ? undefined : options.requestUrl;
  const name = options.name ?? 'yomikai';
  return {
    display_information: {
      name,
      description: 'Study-group bot for the CCC2021 meta-survey: lookups, quizzes, reading sessions.',
      background_color: '#2c3e50',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((command) => {
        const slash = `/${prefix}${command.name}`;
        if (slash.length > MAX_COMMAND_LENGTH) throw new Error(`${slash} is longer than Slack's ${MAX_COMMAND_LENGTH} characters; use a shorter SLACK_COMMAND_PREFIX.`);
        const hint = usageLine(command).slice(`/${command.name}`.length).trim();
        return {
          command: slash,
          description: translateDynamic('en', command.description),
          ...(hint ? { usage_hint: hint } : {}),
          // We parse and escape the raw text ourselves; Slack's escaping would turn names into <@U…> ids.
          should_escape: false,
          ...(url ? { url } : {}),
        };
      }),
    },
    // commands: slash commands; chat:write: scheduled posts; users:read: the admin check for /settings.
    oauth_config: { scopes: { bot: ['commands', 'chat:write', 'users:read'] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
