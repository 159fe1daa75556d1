import type { App } from '../app.js';
import type { ChatAdapter } from '../core/adapter.js';

/**
 * The chat platforms whose tokens are configured. Each SDK is imported only
 * when used, so the console and the one-shot CLI start without loading them.
 */
export async function platformAdapters(app: App): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (app.config.discord) throw new Error('DISCORD_TOKEN is set, but this build of yomikai has no Discord adapter yet.');
  if (app.config.slack) throw new Error('SLACK_BOT_TOKEN is set, but this build of yomikai has no Slack adapter yet.');
  return adapters;
}
