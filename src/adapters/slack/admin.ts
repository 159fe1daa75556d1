import type { App as BoltApp } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

type WebClient = BoltApp['client'];

/**
 * Whether a user may change a workspace's settings: Slack's admins and
 * owners. Asked at the moment of use (users.info needs `users:read`), so a
 * demoted admin loses the right at once. Any failure answers "no": a missing
 * scope must not open settings to everyone. The client is Bolt's, which the
 * adapter gives a deadline (SlackAdapterOptions.callTimeoutMs) and one quick
 * retry, so a hung users.info costs the user an answer, not the bot a handler.
 */
export async function isWorkspaceAdmin(client: WebClient, userId: string, logger: Logger): Promise<boolean> {
  try {
    const result = await client.users.info({ user: userId });
    const user = result.user;
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    logger.warn({ err: error, user: userId }, 'slack users.info failed; treating the user as not an admin');
    return false;
  }
}
