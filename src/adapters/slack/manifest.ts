import type { Command } from '../../core/command.js';
import { usageLine } from '../../core/usage.js';
import { translateDynamic } from '../../i18n/index.js';
import { slackCommandSet } from './command-names.js';
import { nameProblem, urlProblem } from './manifest-input.js';

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
  /** App name and bot display name; "yomikai" by default. */
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

type SlashCommandEntry = SlackManifest['features']['slash_commands'][number];

/** Throws with a one-line, flag-naming message when Slack would refuse the inputs. */
export function buildManifest(commands: readonly Command[], options: ManifestOptions): SlackManifest {
  if (!options.socketMode && !options.requestUrl) throw new Error('HTTP mode needs a request URL (--url https://host/slack/events), or use --socket.');
  const name = options.name ?? 'yomikai';
  const problem = nameProblem(name) ?? (options.socketMode || !options.requestUrl ? undefined : urlProblem(options.requestUrl));
  if (problem) throw new Error(problem);
  const url = options.socketMode ? undefined : options.requestUrl;
  const names = slackCommandSet(commands.map((c) => c.name), options.prefix ?? '');
  const entry = (command: string, description: string, hint: string): SlashCommandEntry => ({
    command,
    description,
    ...(hint ? { usage_hint: hint } : {}),
    // We parse and escape the raw text ourselves; Slack's escaping would turn names into <@U…> ids.
    should_escape: false,
    ...(url ? { url } : {}),
  });
  const umbrella = entry(
    names.umbrella,
    translateDynamic('en', 'slack.umbrella.description', { commands: commands.map((c) => c.name).join(', ') }),
    translateDynamic('en', 'slack.umbrella.hint'),
  );
  // A command whose own name Slack keeps (or that is too long) is left to the umbrella.
  const individual = commands
    .filter((command) => names.individual.has(names.slash(command.name)))
    .map((command) => entry(names.slash(command.name), translateDynamic('en', command.description), usageLine(command, true, () => '').trim()));
  return {
    display_information: {
      name,
      description: 'Study-group bot for the CCC2021 meta-survey: lookups, quizzes, reading sessions.',
      background_color: '#2c3e50',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: [umbrella, ...individual],
    },
    // commands: slash commands; chat:write: scheduled posts (quiz rounds); users:read: the admin check for
    // /settings and /quiz schedule, and members' display names in scores and RSVP lists; channels:history +
    // groups:history: after a crash, find a round that was already posted (its message metadata) instead of
    // posting it twice; files:write: /reading ics as a real calendar file; im:write: that file sent to the
    // asker's DM with the app when the answer is private.
    oauth_config: { scopes: { bot: ['commands', 'chat:write', 'users:read', 'channels:history', 'groups:history', 'files:write', 'im:write'] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
