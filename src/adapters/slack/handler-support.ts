import type { App as BoltApp, RespondFn } from '@slack/bolt';
import { dispatch, namingFor, resolveLang, type DispatchResult, type DispatchServices } from '../../core/dispatch.js';
import type { Invocation, Place } from '../../core/invocation.js';
import type { Logger } from '../../core/logger.js';
import { privateError, type Reply, type ReplyKind } from '../../core/reply.js';
import type { PostResult } from '../../core/adapter.js';
import { translator } from '../../i18n/index.js';
import { isWorkspaceAdmin } from './admin.js';
import { needsManager, resolvedCommand } from '../../core/subcommands.js';
import type { SlackCommandSet } from './command-names.js';
import type { SlackDisplayNames } from './display-names.js';
import { SHARE_ACTION, shareValue } from './inbound.js';
import type { RenderOptions } from './render.js';

type WebClient = BoltApp['client'];

/** What every Slack handler needs: the services, the log, and how commands are named here. */
export interface SlackHandlerContext {
  services: DispatchServices;
  logger: Logger;
  names: SlackCommandSet;
  /** Display names for what others read (RSVP lists, quiz scores); handles only as a fallback. */
  people: SlackDisplayNames;
  /** chat.postMessage without client retries, for an answer whose message id a feature tracks (core/posted.ts). */
  postInChannel?: (channel: string, reply: Reply) => Promise<PostResult>;
}

/** Replies worth showing to a whole channel; errors and settings stay private. */
const SHAREABLE: ReadonlySet<ReplyKind> = new Set(['model', 'dataset', 'concept', 'topic', 'task', 'list', 'help', 'summary']);

/** Dispatch, after checking that only admins change a workspace's settings or manage its quiz. */
export async function run(invocation: Invocation, client: WebClient, ctx: SlackHandlerContext): Promise<DispatchResult> {
  const command = resolvedCommand(ctx.services, invocation);
  if (needsManager(command, invocation.options) && !(await isWorkspaceAdmin(client, invocation.actor.id, ctx.logger))) {
    const lang = resolveLang(invocation, ctx.services);
    const t = translator(lang, namingFor(invocation, ctx.services));
    return { reply: privateError(t('error.needAdmin', { command: command?.name ?? invocation.command })), status: 'user-error', lang };
  }
  if (command?.asksManager) {
    // Only asked where it matters (changing a reading session someone else added): it costs an API call.
    const manager = await isWorkspaceAdmin(client, invocation.actor.id, ctx.logger);
    return dispatch({ ...invocation, actor: { ...invocation.actor, manager } }, ctx.services);
  }
  return dispatch(invocation, ctx.services);
}

export function isShareable(result: DispatchResult): boolean {
  return result.status === 'ok' && SHAREABLE.has(result.reply.kind);
}

export function shareButton(invocation: Invocation, result: DispatchResult): RenderOptions {
  if (!isShareable(result)) return {};
  return { extraButtons: [{ id: SHARE_ACTION, label: translator(result.lang)('button.share'), value: shareValue(invocation) }] };
}

/**
 * A button whose id or value we can't read (from an older or newer yomikai,
 * or tampered with) gets a private "run the command again", never silence.
 */
export async function answerNotUnderstood(ctx: SlackHandlerContext, respond: RespondFn, place: Place, userId: string): Promise<void> {
  const lang = resolveLang({ command: '', options: {}, actor: { id: userId }, place }, ctx.services);
  await respond({ response_type: 'ephemeral', replace_original: false, text: translator(lang)('error.unknownButton') });
}

/**
 * Dispatch already turns command failures into replies; this catches what is
 * left (rendering, Slack refusing a message) so the user still hears
 * something short while the log gets the detail.
 */
export async function guarded(
  ctx: SlackHandlerContext,
  respond: RespondFn,
  label: string,
  place: Place,
  context: object,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.logger.error({ err: error, team: place.scope, ...context }, 'slack handler failed');
    try {
      const lang = resolveLang({ command: label, options: {}, actor: { id: 'unknown' }, place }, ctx.services);
      const naming = namingFor({ commandName: ctx.names.slash }, ctx.services);
      const text = translator(lang, naming)('error.internal', { command: label });
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (apologyError) {
      ctx.logger.error({ err: apologyError, ...context }, 'slack apology could not be sent either');
    }
  }
}
