import type { AdapterHost } from './host.js';
import type { ChatAdapter } from '../core/adapter.js';
import type { PlatformLiveness } from '../core/health.js';

/** A running platform: posts, and says whether its connection is up (GET /health). */
export type PlatformAdapter = ChatAdapter & PlatformLiveness;

/**
 * The chat platforms whose tokens are configured. Each SDK is imported only
 * when used, so the console and the one-shot CLI start without loading them.
 */
export async function platformAdapters(app: AdapterHost): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (app.config.discord) {
    const { DiscordAdapter } = await import('./discord/adapter.js');
    adapters.push(new DiscordAdapter(app, app.config.discord));
  }
  if (app.config.slack) {
    const { SlackAdapter } = await import('./slack/adapter.js');
    adapters.push(new SlackAdapter(app));
  }
  return adapters;
}
