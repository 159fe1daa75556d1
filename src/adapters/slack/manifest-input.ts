/**
 * What Slack accepts in the two values a person types into `slack:manifest`.
 * Slack refuses a bad manifest only after it is pasted into the app settings,
 * with a terse error; checking here names the flag and the fix instead.
 */

/**
 * One --name is both the app's name and its bot's display name, so it must
 * meet both of Slack's rules (docs.slack.dev/reference/app-manifest, and the
 * same text in @slack/web-api's manifest types):
 * - display_information.name: 1–35 characters;
 * - features.bot_user.display_name: at most 80 characters of a-z, 0-9, "-", "_" and ".".
 */
const APP_NAME_MAX = 35;
const BOT_NAME_CHARS = /^[a-z0-9._-]+$/;

/** A slash command's `url` is at most 3,000 characters (Slack's manifest schema). */
const URL_MAX = 3000;

/** Why Slack would reject this name, or undefined when it is fine. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > APP_NAME_MAX || !BOT_NAME_CHARS.test(name)) {
    return `--name "${name}" is not a name Slack accepts for a bot: use 1–${APP_NAME_MAX} lower-case letters, digits, ".", "-" or "_" (e.g. yomikai).`;
  }
  return undefined;
}

/**
 * Why this request URL can't be used, or undefined when it is fine. Slack
 * requires https for the commands of a distributed app (api.slack.com/slash-commands)
 * and a plain-http URL would carry every command and click unencrypted, so
 * only https:// is accepted; a bot without a public URL uses --socket.
 */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--url "${url}" is not a URL: give the public https address Slack sends to, e.g. https://bot.example.org/slack/events.`;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') {
    return `--url must start with https:// (got "${url}"): Slack sends commands and clicks only to a public https address; use --socket without one.`;
  }
  if (url.length > URL_MAX) return `--url is ${url.length} characters; Slack takes at most ${URL_MAX}.`;
  return undefined;
}
