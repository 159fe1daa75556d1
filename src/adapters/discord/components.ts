import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { ReplyButton, ReplyLink } from '../../core/reply.js';
import { utf16Length } from '../../core/text.js';
import { LIMITS } from './limits.js';
import { clipUnits } from './text.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

const STYLES: Record<NonNullable<ReplyButton['style']>, ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

export interface RenderedComponents {
  rows: ButtonRow[];
  /** Links that did not fit in 25 buttons; the renderer lists them in the embed instead. */
  overflowLinks: ReplyLink[];
}

/**
 * Action buttons first (paging sits right under the list), then links as
 * link buttons, five to a row, at most five rows. A custom id over 100
 * UTF-16 units would make Discord reject the whole message, so such a button
 * is left out as a last resort — paging ids are built to fit, emoji and all
 * (core/paging.ts), and a test holds them to it.
 */
export function renderComponents(buttons: readonly ReplyButton[] = [], links: readonly ReplyLink[] = []): RenderedComponents {
  const capacity = LIMITS.rows * LIMITS.buttonsPerRow;
  const actions: APIButtonComponent[] = buttons
    .filter((button) => button.id.length > 0 && utf16Length(button.id) <= LIMITS.customId)
    .slice(0, capacity)
    .map((button) => ({
      type: ComponentType.Button,
      custom_id: button.id,
      label: clipUnits(button.label, LIMITS.buttonLabel),
      style: STYLES[button.style ?? 'secondary'],
      disabled: Boolean(button.disabled),
    }));
  const usable = links.filter((link) => /^https?:\/\//.test(link.url) && link.url.length <= LIMITS.linkUrl);
  const room = capacity - actions.length;
  const linkButtons: APIButtonComponent[] = usable.slice(0, room).map((link) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Link,
    url: link.url,
    label: clipUnits(link.label, LIMITS.buttonLabel),
  }));
  const all = [...actions, ...linkButtons];
  const rows: ButtonRow[] = [];
  for (let i = 0; i < all.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: all.slice(i, i + LIMITS.buttonsPerRow) });
  }
  const overflow = [...usable.slice(room), ...links.filter((link) => !usable.includes(link))];
  return { rows, overflowLinks: overflow };
}
