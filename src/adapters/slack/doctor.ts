import { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Command } from '../../core/command.js';
import { buildManifest } from './manifest.js';
import { fail, pass, type CheckLine } from '../../core/check-lines.js';
import type { ScheduledChannel } from '../../core/check-lines.js';

type SlackConfig = NonNullable<Config['slack']>;

/**
 * auth.test accepts the bot token; the scopes it was granted include the
 * manifest's; a way in is set (signing secret or app token); the bot is a
 * member of every channel it posts to on a schedule.
 */
export async function slackLines(config: SlackConfig, channels: readonly ScheduledChannel[], commands: readonly Command[]): Promise<CheckLine[]> {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  let auth: webApi.AuthTestResponse;
  try {
    auth = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) return [fail(`Slack: auth.test refuses SLACK_BOT_TOKEN (${code})`, 'copy the Bot User OAuth Token (xoxb-…) again from your app → OAuth & Permissions')];
    throw error;
  }
  const lines = [pass(`Slack: the bot token works (${auth.user ?? auth.user_id} in ${auth.team ?? auth.team_id})`)];
  const wanted = buildManifest(commands, { socketMode: true }).oauth_config.scopes.bot;
  const granted = new Set(auth.response_metadata?.scopes ?? []);
  const missing = wanted.filter((scope) => !granted.has(scope));
  lines.push(
    missing.length === 0
      ? pass(`Slack: the token has the manifest's scopes (${wanted.join(', ')})`)
      : fail(`Slack: the token lacks the scopes ${missing.join(', ')}`, 'add them under OAuth & Permissions (or from npm run slack:manifest), then reinstall the app to the workspace'),
  );
  lines.push(
    config.signingSecret || config.appToken
      ? pass(`Slack: ${config.appToken ? 'SLACK_APP_TOKEN set (Socket Mode)' : `SLACK_SIGNING_SECRET set (HTTP mode on port ${config.port})`}`)
      : fail('Slack: neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN is set', 'set the signing secret (HTTP mode) or an app-level token (Socket Mode)'),
  );
  for (const channel of channels.filter((c) => c.platform === 'slack')) lines.push(await membership(client, channel, auth.user ?? 'yomikai'));
  return lines;
}

async function membership(client: webApi.WebClient, channel: ScheduledChannel, botName: string): Promise<CheckLine> {
  const what = `Slack: channel ${channel.channel} (${channel.why})`;
  try {
    const info = await client.conversations.info({ channel: channel.channel });
    return info.channel?.is_member ? pass(`${what}: the bot is a member`) : fail(`${what}: the bot is not a member`, `invite it: /invite @${botName} in that channel`);
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) return fail(`${what}: conversations.info says ${code}`, code === 'channel_not_found' ? 'the channel is gone or private without the bot: invite the bot or cancel the schedule' : 'check the app\'s scopes');
    throw error;
  }
}
