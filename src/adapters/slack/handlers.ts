import type { App as BoltApp, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { dispatch, resolveLang, type DispatchResult, type DispatchServices } from '../../core/dispatch.js';
import type { Invocation, Place } from '../../core/invocation.js';
import type { Logger } from '../../core/logger.js';
import { privateError, type ReplyKind } from '../../core/reply.js';
import { translator } from '../../i18n/index.js';
import { isWorkspaceAdmin } from './admin.js';
import { deliver } from './deliver.js';
import { SHARE_ACTION, actor, fromPageButton, fromShareValue, fromSlashCommand, isInvocation, shareValue, slackPlace } from './inbound.js';
import type { RenderOptions } from './render.js';
import { PAGE_BUTTON_PATTERN } from '../../core/paging.js';

type WebClient = BoltApp['client'];
type ButtonClick = BlockAction<ButtonAction>;

export interface HandlerDeps {
  services: DispatchServices;
  /** SLACK_COMMAND_PREFIX: `yk-` registers /yk-model. */
  prefix: string;
  logger: Logger;
}

/** Every action id that no handler above claims. */
const UNKNOWN_BUTTON = /^(?!p[12]:|s1:share$)/;

/** Replies worth showing to a whole channel; errors and settings stay private. */
const SHAREABLE: ReadonlySet<ReplyKind> = new Set(['model', 'dataset', 'concept', 'topic', 'task', 'list', 'help']);

export function registerHandlers(bolt: BoltApp, deps: HandlerDeps): void {
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

  for (const name of deps.services.registry.names()) {
    bolt.command(`/${deps.prefix}${name}`, async ({ command: body, ack, respond, client }) => {
      // First, with no body: Slack shows nothing and its 3-second clock stops.
      await ack();
      await guarded(deps, respond, name, slackPlace(body.team_id, body.channel_id), { command: body.command, user: body.user_id }, async () => {
        const parsed = fromSlashCommand(body, deps.prefix, deps.services);
        const result = isInvocation(parsed) ? await run(parsed, client, deps) : parsed;
        const share = isInvocation(parsed) ? shareButton(parsed, result) : {};
        await deliver(respond, result.reply, { mode: 'new', visibility: 'ephemeral' }, share);
      });
    });
  }

  bolt.action<ButtonClick>(PAGE_BUTTON_PATTERN, async ({ action, body, ack, respond, client }) => {
    await ack();
    const place = slackPlace(body.team?.id, body.channel?.id);
    const invocation = fromPageButton(action.action_id, place, actor(body.user.id, body.user.name), deps.services);
    await guarded(deps, respond, invocation?.command ?? 'search', place, { action: action.action_id, user: body.user.id }, async () => {
      if (!invocation) {
        deps.logger.warn({ action: action.action_id }, 'slack paging id not understood');
        return;
      }
      const result = await run(invocation, client, deps);
      if (result.status !== 'ok') {
        // "That page no longer exists" goes beside the list rather than over it.
        await deliver(respond, result.reply, { mode: 'new', visibility: 'ephemeral' });
        return;
      }
      const stillPrivate = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
      await deliver(respond, result.reply, { mode: 'replace' }, stillPrivate ? shareButton(invocation, result) : {});
    });
  });

  bolt.action<ButtonClick>(SHARE_ACTION, async ({ action, body, ack, respond, client }) => {
    await ack();
    const place = slackPlace(body.team?.id, body.channel?.id);
    const invocation = fromShareValue(action.value ?? '', place, actor(body.user.id, body.user.name));
    await guarded(deps, respond, invocation?.command ?? 'help', place, { action: SHARE_ACTION, user: body.user.id }, async () => {
      if (!invocation) {
        deps.logger.warn({ value: action.value }, 'slack share value not understood');
        return;
      }
      // Re-run rather than trust the button: the answer posted is what the catalog says now.
      const result = await run(invocation, client, deps);
      if (result.status !== 'ok' || !SHAREABLE.has(result.reply.kind)) {
        await deliver(respond, result.reply, { mode: 'new', visibility: 'ephemeral' });
        return;
      }
      await deliver(respond, result.reply, { mode: 'new', visibility: 'in_channel' });
      await respond({ delete_original: true });
    });
  });

  // Any other button (from an older or newer yomikai): answer it rather than let Slack show a timeout.
  bolt.action<ButtonClick>(UNKNOWN_BUTTON, async ({ action, body, ack, respond }) => {
    await ack();
    deps.logger.warn({ action: action.action_id, user: body.user.id }, 'slack button not understood');
    const place = slackPlace(body.team?.id, body.channel?.id);
    const lang = resolveLang({ command: '', options: {}, actor: { id: body.user.id }, place }, deps.services);
    await respond({ response_type: 'ephemeral', replace_original: false, text: translator(lang)('error.unknownButton') });
  });
}

/** Dispatch, after checking that only admins change a workspace's settings. */
async function run(invocation: Invocation, client: WebClient, deps: HandlerDeps): Promise<DispatchResult> {
  const command = deps.services.registry.get(invocation.command);
  const changesPlace = command?.managesPlace && Object.values(invocation.options).some((value) => value !== undefined);
  if (changesPlace && !(await isWorkspaceAdmin(client, invocation.actor.id, deps.logger))) {
    const lang = resolveLang(invocation, deps.services);
    return { reply: privateError(translator(lang)('error.needAdmin')), status: 'user-error', lang };
  }
  return dispatch(invocation, deps.services);
}

function shareButton(invocation: Invocation, result: DispatchResult): RenderOptions {
  if (result.status !== 'ok' || !SHAREABLE.has(result.reply.kind)) return {};
  return { extraButtons: [{ id: SHARE_ACTION, label: translator(result.lang)('button.share'), value: shareValue(invocation) }] };
}

/**
 * Dispatch already turns command failures into replies; this catches what is
 * left (rendering, Slack refusing a message) so the user still hears
 * something short while the log gets the detail.
 */
async function guarded(
  deps: HandlerDeps,
  respond: RespondFn,
  label: string,
  place: Place,
  context: object,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.error({ err: error, team: place.scope, ...context }, 'slack handler failed');
    try {
      const lang = resolveLang({ command: label, options: {}, actor: { id: 'unknown' }, place }, deps.services);
      const text = translator(lang)('error.internal', { command: label });
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (apologyError) {
      deps.logger.error({ err: apologyError, ...context }, 'slack apology could not be sent either');
    }
  }
}
