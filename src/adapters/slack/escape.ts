/**
 * Slack reads `<…>` in message text as markup: `<!channel>`, `<!here>` and
 * `<@U123>` notify people, `<https://x|label>` links. Every string that can
 * hold user or catalog text goes through here before it reaches a block, so
 * a command never has to think about Slack's markup (see core/reply.ts).
 */

/** Slack decodes exactly these three entities and no others, so `&` must go first. */
export function escapeText(text: string): string {
  return neutraliseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

const WORD_JOINER = '\u200D';

/**
 * A bare `@channel` is inert in an API message today, but Slack turns it into
 * a broadcast when a message is sent with `link_names`/`parse: full`, and
 * people copy bot text into the composer where it is live. A zero-width
 * joiner after the `@` keeps it readable and never matches a mention.
 */
export function neutraliseBroadcasts(text: string): string {
  return text.replace(/@(everyone|channel|here)\b/gi, `@${WORD_JOINER}$1`);
}

/**
 * A link in mrkdwn: `<url|label>`. The URL ends at the first `|` or `>`, so
 * those are percent-encoded (the label may hold `|`); only http(s) URLs become links — anything else is
 * shown as text so a crafted value can't smuggle in `<!channel>`.
 */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\/\S+$/i.test(url)) return escapeText(label === url ? url : `${label} (${url})`);
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeText(label)}>`;
}

/** `*bold*` around escaped text; Slack has no escape for `*` itself, so a stray one only changes emphasis. */
export function bold(text: string): string {
  const escaped = escapeText(text).trim();
  return escaped === '' ? '' : `*${escaped}*`;
}
