import type { App as BoltApp, RespondFn, SlashCommand } from '@slack/bolt';
import type { DispatchResult, DispatchServices } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import type { Invocation, Place } from '../../core/invocation.js';
import { reportPosted } from '../../core/posted.js';
import type { Reply } from '../../core/reply.js';
import { translator } from '../../i18n/index.js';
import { registerButtons } from './buttons.js';
import { slackCommandSet, splitUmbrellaText } from './command-names.js';
import { deliver } from './deliver.js';
import type { SlackDisplayNames } from './display-names.js';
import { shareAttachments, type ShareTarget } from './files.js';
import { guarded, run, shareButton, type SlackHandlerContext } from './handler-support.js';
import { fromSlashCommand, isInvocation, slackPlace } from './inbound.js';

type WebClient = BoltApp['client'];

export interface HandlerDeps {
  services: DispatchServices;
  /** SLACK_COMMAND_PREFIX: `yk-` registers /yk-model and the umbrella /yk-yomikai. */
  prefix: string;
  logger: Logger;
  people: SlackDisplayNames;
  postInChannel?: SlackHandlerContext['postInChannel'];
}

/**
 * Answers the slash commands the manifest lists (see command-names.ts): the
 * umbrella `/yomikai <command> …` and each command whose own name Slack
 * leaves free. Both end in the same dispatch.
 */
export function registerHandlers(bolt: BoltApp, deps: HandlerDeps): void {
  const ctx: SlackHandlerContext = { ...deps, names: slackCommandSet(deps.services.registry.names(), deps.prefix) };
  bolt.use(async (args) => {
    // Slack re-sends a request it thinks timed out (x-slack-retry-num ≥ 1). The
    // first delivery is already running, so a retry is acknowledged and dropped.
    // Socket Mode numbers first deliveries 0, hence "> 0" rather than "set".
    const retryNum = args.context.retryNum ?? 0;
    if (retryNum > 0) {
      deps.logger.info({ retryNum, retryReason: args.context.retryReason }, 'slack retry ignored; the first delivery is handled');
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  });

  // Besides the manifest's commands, every plain `/<prefix><name>`: an app created from an
  // older manifest may still have /help, and a command Slack delivers must not time out.
  const listened = new Map([...ctx.names.individual, ...deps.services.registry.names().map((name) => [`/${deps.prefix}${name}`, name] as const)]);
  for (const [slash, name] of listened) {
    bolt.command(slash, async ({ command: body, ack, respond, client }) => {
      // First, with no body: Slack shows nothing and its 3-second clock stops.
      await ack();
      await answer(ctx, { name, text: body.text }, body, respond, client);
    });
  }
  // `/yomikai model X3D` is `/model X3D`; `/yomikai` alone is help.
  bolt.command(ctx.names.umbrella, async ({ command: body, ack, respond, client }) => {
    await ack();
    await answer(ctx, splitUmbrellaText(body.text), body, respond, client);
  });

  registerButtons(bolt, ctx);
}

async function answer(ctx: SlackHandlerContext, typed: { name: string; text: string }, body: SlashCommand, respond: RespondFn, client: WebClient): Promise<void> {
  const place = slackPlace(body.team_id, body.channel_id);
  await guarded(ctx, respond, typed.name, place, { command: body.command, user: body.user_id }, async () => {
    // The request carries the handle; what the command stores or shows is the display name.
    const name = await ctx.people.nameOf(client, body.user_id, body.user_name);
    const typedIn = fromSlashCommand({ ...body, ...(name ? { user_name: name } : {}) }, typed, ctx.names.slash, ctx.services);
    // Named after parsing, so a name with spaces cannot split an unquoted option.
    const parsed = isInvocation(typedIn) ? { ...typedIn, options: await namedOptions(ctx, client, typedIn.options) } : typedIn;
    const result = isInvocation(parsed) ? await run(parsed, client, ctx) : parsed;
    const share = isInvocation(parsed) ? shareButton(parsed, result) : {};
    const visibility = result.reply.inChannel && !result.reply.ephemeral ? 'in_channel' : 'ephemeral';
    const reply = await withFilesUploaded(ctx, client, result, { channel: body.channel_id, userId: body.user_id, inChannel: visibility === 'in_channel' });
    if (visibility === 'in_channel' && (await postedTracked(ctx, reply, place))) return;
    await deliver(respond, reply, { mode: 'new', visibility }, share);
  });
}

/** Members typed as bare mentions in options (a presenter, a rotation) carry their display names. */
async function namedOptions(ctx: SlackHandlerContext, client: WebClient, options: Invocation['options']): Promise<Invocation['options']> {
  const named: Record<string, Invocation['options'][string]> = {};
  for (const [key, value] of Object.entries(options)) named[key] = typeof value === 'string' ? await ctx.people.nameMentions(client, value) : value;
  return named;
}

/**
 * A response_url answers with no message id, so a public answer a feature
 * tracks (the /reading add card, whose counts stay live) is posted with
 * chat.postMessage instead and its ts reported. Where that fails (the bot is
 * not in the channel) the caller answers through the response_url as before,
 * only without live counts.
 */
async function postedTracked(ctx: SlackHandlerContext, reply: Reply, place: Place): Promise<boolean> {
  if (!reply.track || !ctx.postInChannel) return false;
  const posted = await ctx.postInChannel(place.channel, reply);
  if (!posted.ok) {
    ctx.logger.info({ channel: place.channel, reason: posted.reason }, 'slack: tracked answer not posted to the channel; answering through response_url without live counts');
    return false;
  }
  await reportPosted(ctx.services, reply, place, posted.messageId);
  return true;
}

/** Attachments become real files where Slack takes them; the reply then only says where they went. */
async function withFilesUploaded(ctx: SlackHandlerContext, client: WebClient, result: DispatchResult, target: ShareTarget): Promise<Reply> {
  const { attachments, ...reply } = result.reply;
  if (!attachments?.length) return result.reply;
  const shared = await shareAttachments(client, attachments, target, ctx.logger);
  if (!shared) return result.reply;
  if (shared === 'channel') return reply;
  const note = translator(result.lang)('slack.fileInDm', { files: attachments.map((file) => file.name).join(', ') });
  return { ...reply, footer: [reply.footer, note].filter(Boolean).join('\n') };
}
