import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import { buildManifest } from '../../../src/adapters/slack/manifest.js';
import { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { SHARE_ACTION } from '../../../src/adapters/slack/inbound.js';
import type { App } from '../../../src/app.js';
import { testApp } from '../../helpers/app.js';
import { FakeSlack, type Recorded } from '../../fakes/slack.js';

/**
 * The umbrella command `/yomikai <command> …` through the real Bolt app in
 * HTTP mode, with signed requests, exactly as Slack would send them.
 */
let slack: FakeSlack;
let app: App;
let adapter: SlackAdapter;

beforeAll(async () => {
  slack = await FakeSlack.start();
  app = testApp(slack.env);
  adapter = new SlackAdapter(app, { host: '127.0.0.1' });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  app?.close();
  await slack?.close();
});

/** Sends one slash command and returns the first answer posted to its response_url. */
const slash = (command: string, text: string): Promise<Recorded> => slack.slash(command, text);
const click = (actionId: string, value?: string): Promise<Recorded> => slack.click({ actionId, ...(value === undefined ? {} : { value }) });

/** Every text a person sees in the answer, with Slack's three entities decoded. */
function shown(answer: Recorded): string {
  const texts: string[] = [];
  JSON.stringify(answer.body.blocks, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The slash commands the manifest registers: the only ones Slack will ever send us. */
const registered = new Set(buildManifest(commands, { socketMode: true }).features.slash_commands.map((c) => c.command));

describe('the umbrella command /yomikai', () => {
  it('answers /yomikai model X3D with the same X3D card as /model X3D, privately and shareable', async () => {
    const viaUmbrella = await slash('/yomikai', 'model X3D');
    const direct = await slash('/model', 'X3D');
    expect(viaUmbrella.body.response_type).toBe('ephemeral');
    expect(shown(viaUmbrella)).toContain('X3D: Expanding Architectures for Efficient Video Recognition');
    expect(viaUmbrella.body.blocks).toEqual(direct.body.blocks);
    const actions = (viaUmbrella.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? []);
    expect(JSON.parse(actions.find((a) => a.action_id === SHARE_ACTION)!.value)).toEqual({ c: 'model', o: { name: 'X3D' } });
  });

  it('lists, in /yomikai help and in /yomikai alone, only command names Slack will deliver', async () => {
    for (const text of ['help', '']) {
      const help = shown(await slash('/yomikai', text));
      const usages = [...help.matchAll(/\*(\/[^*\n]+)\*/g)].map((m) => m[1]!);
      expect(usages.length, text).toBe(commands.length);
      for (const usage of usages) expect(registered, usage).toContain(usage.split(' ')[0]);
      expect(usages).toEqual(expect.arrayContaining(['/model <name>', '/yomikai topic [name]', '/yomikai search <query> [page:N]', '/yomikai help [command]']));
      // Slack's own /topic, /search and /help never appear as ours.
      expect(help).not.toMatch(/(?<!yomikai )\/(topic|search|help)\b/);
      expect(help).toContain('More: /yomikai help <command>');
    }
  });

  it('still answers /help from an app made with an older manifest, showing the names that work now', async () => {
    const help = shown(await slash('/help', ''));
    expect(help).toContain('/yomikai topic [name]');
    expect(help).toContain('More: /yomikai help <command>');
  });

  it('explains one command with its Slack usage and example: /yomikai help topic', async () => {
    const help = shown(await slash('/yomikai', 'help topic'));
    expect(help).toContain('Help: /yomikai topic');
    expect(help).toContain('/yomikai topic [name]');
    expect(help).toContain('/yomikai topic video');
    expect(help).not.toMatch(/(?<!yomikai )\/topic\b/);
  });

  it('rewrites command names inside messages too, in both languages', async () => {
    expect(shown(await slash('/yomikai', 'topic'))).toContain('Open one with /yomikai topic <name>.');
    expect(shown(await slash('/yomikai', 'search'))).toContain('/yomikai search needs query. Example: /yomikai search attention');
    expect(shown(await slash('/model', ''))).toContain('/model needs name. Example: /model X3D');
    app.settings.update('slack:T1', { language: 'ja' });
    try {
      expect(shown(await slash('/yomikai', 'topic'))).toContain('/yomikai topic <名前> で開けます。');
      expect(shown(await slash('/yomikai', 'help topic'))).toContain('/yomikai topic 動画認識');
    } finally {
      app.settings.update('slack:T1', { language: 'en' });
    }
  });

  it('pages through /yomikai with page:N like the typed commands do', async () => {
    const page2 = shown(await slash('/yomikai', 'search net page:2'));
    expect(page2).toMatch(/Page 2 of \d+/);
  });

  it('answers a misspelt command with "did you mean", in the form that works here', async () => {
    const modle = shown(await slash('/yomikai', 'modle X3D'));
    expect(modle).toContain('There is no command "/yomikai modle".');
    expect(modle).toContain('Did you mean:\n• /model');
    const serch = shown(await slash('/yomikai', 'serch attention'));
    expect(serch).toContain('• /yomikai search');
    const nonsense = await slash('/yomikai', 'nonsense words');
    expect(nonsense.body.response_type).toBe('ephemeral');
    expect(shown(nonsense)).toContain('There is no command "/yomikai nonsense".');
  });
});

describe('buttons Slack hands back garbled', () => {
  const notUnderstood = 'That button is no longer understood; run the command again.';

  it.each([
    ['a page id that does not parse', 'p2:search:two:en:net', undefined],
    ['a page id without its page', 'p1:search', undefined],
    ['a share value that is not JSON', SHARE_ACTION, '{"c":"model","o":'],
    ['a share value without a command', SHARE_ACTION, '{"o":{"name":"X3D"}}'],
  ])('answers %s privately instead of staying silent', async (_label, actionId, value) => {
    const answer = await click(actionId, value);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: notUnderstood });
  });
});
