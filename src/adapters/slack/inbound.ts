import type { DispatchResult, DispatchServices } from '../../core/dispatch.js';
import type { Actor, Invocation, Place } from '../../core/invocation.js';
import { pageButtonTarget } from '../../core/paging.js';
import { withTypedOptions } from '../../core/typed-invocation.js';

/**
 * Slack payloads → Invocations. Everything a button claims is re-validated by
 * dispatch, exactly as if it had been typed.
 */

/** The share button's action_id; its value carries the command to re-run in the channel. */
export const SHARE_ACTION = 's1:share';

export function slackPlace(teamId: string | undefined, channelId: string | undefined): Place {
  return { platform: 'slack', scope: teamId ?? 'unknown', channel: channelId ?? 'unknown' };
}

export interface SlashBody {
  text: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
}

/**
 * A slash command, with the command and its text already worked out (from
 * `/model X3D` or `/yomikai model X3D`) → an Invocation, or — when the text
 * can't be parsed — the ready answer (usage line).
 */
export function fromSlashCommand(
  body: SlashBody,
  typed: { name: string; text: string },
  commandName: (name: string) => string,
  services: DispatchServices,
): Invocation | DispatchResult {
  const base: Invocation = {
    command: typed.name,
    options: {},
    actor: actor(body.user_id, body.user_name),
    place: slackPlace(body.team_id, body.channel_id),
    commandName,
  };
  return withTypedOptions(base, typed.text ?? '', services);
}

export function isInvocation(value: Invocation | DispatchResult): value is Invocation {
  return !('reply' in value);
}

/** A paging click (`p2:search:2:en:net`) → the same command with the page; undefined when the id is not ours. */
export function fromPageButton(actionId: string, place: Place, who: Actor, services: DispatchServices): Invocation | undefined {
  const target = pageButtonTarget(actionId, services.registry);
  return target && { ...target, actor: who, place };
}

interface ShareClaim {
  c: string;
  o: Invocation['options'];
  p?: number;
}

export function shareValue(invocation: Invocation): string {
  const claim: ShareClaim = { c: invocation.command, o: invocation.options, ...(invocation.page ? { p: invocation.page } : {}) };
  return JSON.stringify(claim);
}

export function fromShareValue(value: string, place: Place, who: Actor): Invocation | undefined {
  try {
    const claim = JSON.parse(value) as Partial<ShareClaim>;
    if (typeof claim.c !== 'string' || typeof claim.o !== 'object' || claim.o === null) return undefined;
    const options = Object.fromEntries(
      Object.entries(claim.o).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)),
    ) as Invocation['options'];
    return { command: claim.c, options, actor: who, place, ...(typeof claim.p === 'number' ? { page: claim.p } : {}) };
  } catch {
    return undefined;
  }
}

export function actor(id: string | undefined, name?: string): Actor {
  return { id: id ?? 'unknown', ...(name ? { name } : {}) };
}
