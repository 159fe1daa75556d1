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

/**
 * mrkdwn has no backslash escape for its formatting characters (Slack's docs
 * name only `&`, `<`, `>`), so a name like `*ken*`, a title with ``` or a
 * model's `_answer_` would start bold, italics, strikes or code blocks, or end
 * the bold field name around them. Well-kept Slack libraries differ: some swap
 * in lookalike characters (∗ ˍ ˋ ∼), which changes what people copy, others
 * insert zero-width spaces, which Slack does not promise to honour. We follow
 * jsx-slack's `<Escape>`: a run of these characters becomes the fallback text
 * of a date token with an invalid format, `<!date^00000000^{_}|***>`. Slack documents
 * that a client that cannot format the date shows the fallback, and the
 * fallback is shown as plain text, so the very characters typed appear and
 * cannot pair with anything around them. URLs are left whole so they still link.
 */
const FORMATTING_RUN = /[*_~`]+/g;
const CODE_FENCE_RUN = /`+/g;
const URL_PATTERN = /(https?:\/\/[^\s<>]+)/;

function literal(run: string): string {
  return `<!date^00000000^{_}|${run}>`;
}

/** Text for a mrkdwn field: escaped as `escapeText`, and `*`, `_`, `~`, `` ` `` shown as typed, never as formatting. */
export function escapeMrkdwn(text: string): string {
  return escapeText(text)
    .split(URL_PATTERN)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(FORMATTING_RUN, literal)))
    .join('');
}

/**
 * Text inside a ``` code block: formatting is off there, so only a backtick
 * run (which could close the block early) is made literal.
 */
export function escapeCodeBlock(text: string): string {
  return escapeText(text).replace(CODE_FENCE_RUN, literal);
}

/** `*bold*` around escaped text; a `*` inside it is a literal, so it cannot end the bold early. */
export function bold(text: string): string {
  const escaped = escapeMrkdwn(text).trim();
  return escaped === '' ? '' : `*${escaped}*`;
}
