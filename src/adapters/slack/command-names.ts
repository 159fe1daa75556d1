/**
 * Which slash commands yomikai registers on Slack, and so how each command is
 * typed there. The manifest and the running bot both ask this one module, so
 * what Slack sends and what we answer cannot drift apart.
 *
 * - One umbrella command, `/yomikai <command> …`, is always registered (the
 *   convention of `/github subscribe …`); every command works through it,
 *   including ones added later.
 * - Each command also gets its own `/<prefix><name>` unless that is a Slack
 *   built-in, too long, or over Slack's 50-command limit; those are typed
 *   through the umbrella instead.
 * - SLACK_COMMAND_PREFIX goes in front of every command we register, the
 *   umbrella included: "yk-" gives /yk-model, /yk-topic and /yk-yomikai.
 */

/**
 * Slack's built-in slash commands. An app command with one of these names is
 * shadowed by Slack's own, or makes Slack refuse the whole manifest ("the
 * slash command has an invalid name", reported for /status in
 * NousResearch/hermes-agent#17054).
 *
 * Where the names come from:
 * - Slack's help centre, "Use built-in slash commands"
 *   (https://slack.com/help/articles/201259356-Use-built-in-slash-commands),
 *   as listed by hermes-agent#18456: /away /collapse /dnd /expand /feed /join
 *   /leave /me /msg /mute /open /pro /remind /search /shortcuts /shrug /status
 *   /topic /who.
 * - /invite: Slack's built-in for adding people and bots to a channel (this
 *   README asks for `/invite @yomikai`).
 * - Names Slack has used for built-ins or aliases in the past but that are
 *   not on today's list (not verified against a current workspace), kept out
 *   as a precaution so a future command can't pick one: /active /apps
 *   /archive /call /close /dm /feedback /kick /part /prefs /remove /rename /star.
 * - /help: not on Slack's list, and hermes-agent#17054 found a manifest with
 *   it accepted; but it is the name every app in a workspace wants, so treat
 *   it as taken. Help is `/yomikai help`, as Slack's slash-command style guide
 *   asks of apps (`/<app> help`).
 */
export const SLACK_BUILT_IN_COMMANDS: ReadonlySet<string> = new Set([
  'away', 'collapse', 'dnd', 'expand', 'feed', 'join', 'leave', 'me', 'msg', 'mute', 'open', 'pro',
  'remind', 'search', 'shortcuts', 'shrug', 'status', 'topic', 'who',
  'invite',
  'active', 'apps', 'archive', 'call', 'close', 'dm', 'feedback', 'kick', 'part', 'prefs', 'remove', 'rename', 'star',
  'help',
]);

/** The umbrella command's name, before the prefix. */
export const UMBRELLA_NAME = 'yomikai';

/** Slack's limits: a command is at most 32 characters with its "/", and an app has at most 50. */
const MAX_COMMAND_LENGTH = 32;
const MAX_COMMANDS = 50;

export interface SlackCommandSet {
  /** "/yomikai", or "/yk-yomikai" with prefix "yk-". */
  umbrella: string;
  /** The individually registered commands: "/model" → "model". */
  individual: ReadonlyMap<string, string>;
  /** How command `name` is typed on Slack: "/model", or "/yomikai topic" when it has no slash command of its own. */
  slash(name: string): string;
  /** How command `name` is typed through the umbrella: "/yomikai model". */
  viaUmbrella(name: string): string;
}

export function slackCommandSet(names: readonly string[], prefix = ''): SlackCommandSet {
  const umbrella = `/${prefix}${UMBRELLA_NAME}`;
  const individual = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const name of names) {
    const slash = `/${prefix}${name}`;
    const free = !SLACK_BUILT_IN_COMMANDS.has(slash.slice(1)) && slash !== umbrella && slash.length <= MAX_COMMAND_LENGTH;
    if (!free || individual.size >= MAX_COMMANDS - 1) continue;
    individual.set(slash, name);
    byName.set(name, slash);
  }
  const viaUmbrella = (name: string) => `${umbrella} ${name}`;
  // "quiz schedule" is the verb of /quiz: the command's own name decides how it is typed.
  const slash = (name: string) => {
    const [head = name, ...verb] = name.split(' ');
    return [byName.get(head) ?? viaUmbrella(head), ...verb].join(' ');
  };
  return { umbrella, individual, slash, viaUmbrella };
}

/**
 * The umbrella's text → the command and the text for it: "model X3D" →
 * model + "X3D"; nothing at all → help. A leading "/" is forgiven
 * ("/yomikai /model X3D").
 */
export function splitUmbrellaText(text: string): { name: string; text: string } {
  const match = /^\s*\/?(\S+)\s*(.*)$/s.exec(text ?? '');
  if (!match) return { name: 'help', text: '' };
  return { name: (match[1] ?? '').toLowerCase(), text: match[2] ?? '' };
}
