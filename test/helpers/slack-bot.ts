import type { App } from '../../src/app.js';
import { SlackAdapter } from '../../src/adapters/slack/adapter.js';
import type { Clock } from '../../src/core/clock.js';
import { FakeSlack, slackApi } from '../fakes/slack.js';
import type { FakeSlackChannels } from '../fakes/slack-channels.js';
import { testApp } from './app.js';

export interface SlackBot {
  slack: FakeSlack;
  app: App;
  adapter: SlackAdapter;
}

/**
 * The app on the real Bolt adapter (HTTP mode, on 127.0.0.1) against a fresh
 * fake Slack whose Web API keeps `channels`' messages; `admins` are the
 * workspace admins users.info reports, `env` the app's other settings.
 */
export async function startSlackBot(options: { clock: Clock; channels: FakeSlackChannels; env?: Record<string, string>; admins?: readonly string[] }): Promise<SlackBot> {
  const admins = options.admins ?? [];
  const slack = await FakeSlack.start(
    slackApi({
      ...options.channels.handlers,
      'users.info': (r) => ({ ok: true, user: { id: r.body.user, is_admin: admins.includes(String(r.body.user)), is_owner: false } }),
    }),
  );
  const app = testApp({ ...options.env, ...slack.env }, options.clock);
  const adapter = new SlackAdapter(app, { host: '127.0.0.1' });
  await adapter.start();
  app.adapters.set('slack', adapter);
  return { slack, app, adapter };
}

/** Stops what startSlackBot() started, whatever part of it did start. */
export async function stopSlackBot(bot: Partial<SlackBot>): Promise<void> {
  await bot.adapter?.stop();
  bot.app?.close();
  await bot.slack?.close();
}
