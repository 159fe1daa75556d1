import type { App as BoltApp, BlockAction, ButtonAction } from '@slack/bolt';
import { PAGE_BUTTON_PATTERN } from '../../core/paging.js';
import { deliver } from './deliver.js';
import { pressButton } from '../../core/buttons.js';
import { answerNotUnderstood, guarded, isShareable, run, shareButton, type SlackHandlerContext } from './handler-support.js';
import { SHARE_ACTION, actor, fromPageButton, fromShareValue, slackPlace } from './inbound.js';

type ButtonClick = BlockAction<ButtonAction>;

/** Every action id that no handler below claims. */
const UNKNOWN_BUTTON = /^(?!p[12]:|s1:share$)/;

/**
 * Button clicks: paging, sharing, and anything else. A click whose id or
 * value doesn't parse is answered privately, never left to Slack's timeout.
 */
export function registerButtons(bolt: BoltApp, ctx: SlackHandlerContext): void {
  bolt.action<ButtonClick>(PAGE_BUTTON_PATTERN, async ({ action, body, ack, respond, client }) => {
    await ack();
    const place = slackPlace(body.team?.id, body.channel?.id);
    const who = actor(body.user.id, body.user.name);
    const target = fromPageButton(action.action_id, place, who, ctx.services);
    await guarded(ctx, respond, target?.command ?? 'search', place, { action: action.action_id, user: body.user.id }, async () => {
      if (!target) {
        ctx.logger.warn({ action: action.action_id }, 'slack paging id not understood');
        await answerNotUnderstood(ctx, respond, place, body.user.id);
        return;
      }
      const invocation = { ...target, commandName: ctx.names.slash };
      const result = await run(invocation, client, ctx);
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
    const claim = fromShareValue(action.value ?? '', place, actor(body.user.id, body.user.name));
    await guarded(ctx, respond, claim?.command ?? 'help', place, { action: SHARE_ACTION, user: body.user.id }, async () => {
      if (!claim) {
        ctx.logger.warn({ value: action.value }, 'slack share value not understood');
        await answerNotUnderstood(ctx, respond, place, body.user.id);
        return;
      }
      // Re-run rather than trust the button: the answer posted is what the catalog says now.
      const invocation = { ...claim, commandName: ctx.names.slash };
      const result = await run(invocation, client, ctx);
      if (!isShareable(result)) {
        await deliver(respond, result.reply, { mode: 'new', visibility: 'ephemeral' });
        return;
      }
      await deliver(respond, result.reply, { mode: 'new', visibility: 'in_channel' });
      await respond({ delete_original: true });
    });
  });

  // Buttons on posted messages (quiz answers) go to their handlers and are answered privately;
  // any other button (from an older or newer yomikai) is answered rather than left to Slack's timeout.
  bolt.action<ButtonClick>(UNKNOWN_BUTTON, async ({ action, body, ack, respond, client }) => {
    await ack();
    const place = slackPlace(body.team?.id, body.channel?.id);
    await guarded(ctx, respond, 'quiz', place, { action: action.action_id, user: body.user.id }, async () => {
      // An answer or RSVP stores the name others will read in scores, reveals and "going" lists.
      const name = await ctx.people.nameOf(client, body.user.id, body.user.name);
      const pressed = await pressButton({ id: action.action_id, actor: actor(body.user.id, name), place }, ctx.services);
      if (pressed) {
        await deliver(respond, pressed.reply, { mode: 'new', visibility: 'ephemeral' });
        return;
      }
      ctx.logger.warn({ action: action.action_id, user: body.user.id }, 'slack button not understood');
      await answerNotUnderstood(ctx, respond, place, body.user.id);
    });
  });
}
