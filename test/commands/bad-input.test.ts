import { afterAll, describe, expect, it } from 'vitest';
import { replyText, run, testApp } from '../helpers/app.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';

/**
 * Hostile and broken input for every command: each must give a clear message
 * or a sensible answer, never crash, never write anything, and never hand an
 * adapter something that could ping.
 */
const app = testApp();
afterAll(() => app.close());

const NOT_FOUND = /^Nothing in the catalog matches ".*" for \/\w+\./;
const TOO_LONG = /is too long \(\d+ characters\); at most \d+ please\.$/m;
const NOT_A_CHOICE = /^language must be one of: ja, en\.$/;
const NO_COMMAND = /^There is no command "\/.*"\.$/m;
const OK = 'ok';

/** value → what each command must answer: 'ok', or the first line of its private error. */
const TABLE: [label: string, value: string, expected: Record<string, RegExp | typeof OK>][] = [
  ['empty', '', { model: /^\/model needs name\. Example: \/model X3D$/, dataset: /^\/dataset needs query/, topic: OK, search: /^\/search needs query/, help: OK, settings: OK }],
  ['only spaces', '   ', { model: /needs name/, dataset: /needs query/, topic: OK, search: /needs query/, help: OK, settings: OK }],
  ['5,000 characters', 'a'.repeat(5000), { model: TOO_LONG, dataset: TOO_LONG, topic: TOO_LONG, search: TOO_LONG, help: TOO_LONG, settings: TOO_LONG }],
  ['emoji', '🤖🔥📚', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['zero-width characters', '\u200b\u200c\u200d\ufeff', { model: /^name is empty once invisible characters are removed/, dataset: /^query is empty/, topic: OK, search: /^query is empty/, help: OK, settings: OK }],
  // /topic opens the section an entry is filed in, so X3D → Video recognition.
  ['zero-width inside a name', 'X\u200b3D', { model: OK, dataset: NOT_FOUND, topic: OK, search: OK, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['@everyone', '@everyone', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['slack broadcast', '<!channel> <!here>', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['markdown', '**bold** _it_ ~~x~~ [link](https://evil.example)', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: TOO_LONG, settings: NOT_A_CHOICE }],
  ['code fence', '```js alert(1) ```', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['SQL-looking text', "'; DROP TABLE place_settings; --", { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
  ['an option the command does not have', 'colour:red', {
    model: /^\/model has no option "colour"\. It takes: name\. To mean the words themselves, put them in quotes: "colour:red"\.$/,
    dataset: /^\/dataset has no option "colour"\. It takes: query, page\./,
    topic: /^\/topic has no option "colour"\. It takes: name\./,
    search: /^\/search has no option "colour"\. It takes: query, page\./,
    help: /^\/help has no option "colour"\. It takes: command\.$/m,
    settings: /^\/settings has no option "colour"\. It takes: language, timezone\.$/m,
  }],
  ['control characters', '\u0007\u001b[31mred', { model: NOT_FOUND, dataset: NOT_FOUND, topic: NOT_FOUND, search: NOT_FOUND, help: NO_COMMAND, settings: NOT_A_CHOICE }],
];

const COMMANDS = ['model', 'dataset', 'topic', 'search', 'help', 'settings'];

function writes(): number {
  return (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

describe.each(COMMANDS)('/%s with bad input', (command) => {
  it.each(TABLE)('%s → the expected answer, nothing written', async (_label, value, expected) => {
    const before = writes();
    const result = await run(app, `/${command} ${value}`);
    const want = expected[command];
    if (want === OK) {
      expect(result.status, result.reply.text).toBe('ok');
    } else {
      expect(result.status, result.reply.text).toBe('user-error');
      expect(result.reply.ephemeral).toBe(true);
      expect(result.reply.text).toMatch(want ?? /^$/);
    }
    expect(replyText(result)).not.toMatch(/\n\s+at |Error:/); // never a stack trace
    expect(replyText(result)).not.toMatch(/\u0007|\u001b/); // control characters never come back
    expect(writes()).toBe(before);
  });
});

describe('specific bad input messages', () => {
  it('a missing required option names it and shows an example', async () => {
    const { reply, status } = await run(app, '/model');
    expect(status).toBe('user-error');
    expect(reply.text).toBe('/model needs name. Example: /model X3D');
  });

  it('too long text says how long is allowed', async () => {
    const { reply } = await run(app, `/search ${'x'.repeat(5000)}`);
    expect(reply.text).toMatch(/too long \(5000 characters\); at most 80/);
  });

  it('an unknown command suggests the closest', async () => {
    const { reply, status } = await run(app, '/datset kinetics');
    expect(status).toBe('user-error');
    expect(reply.text).toContain('There is no command "/datset"');
    expect(reply.text).toContain('• /dataset');
  });

  it('a bad time zone gives a good example and a suggestion, and saves nothing', async () => {
    const before = writes();
    const { reply, status } = await run(app, '/settings timezone:Tokio');
    expect(status).toBe('user-error');
    expect(reply.text).toContain('Asia/Tokyo');
    expect(writes()).toBe(before);
  });

  it('a bad language lists the good ones and saves nothing, even with a good time zone beside it', async () => {
    const before = writes();
    const { reply, status } = await run(app, '/settings language:fr timezone:Europe/Paris');
    expect(status).toBe('user-error');
    expect(reply.text).toMatch(/ja, en/);
    expect(writes()).toBe(before);
  });

  it('an unknown option on /settings says so and lists the real ones, instead of complaining about the language', async () => {
    const before = writes();
    const { reply, status } = await run(app, '/settings colour:red');
    expect(status).toBe('user-error');
    expect(reply.text).toBe('/settings has no option "colour". It takes: language, timezone.');
    expect(reply.text).not.toMatch(/must be one of/);
    expect(writes()).toBe(before);
  });

  it('an unknown option is reported even beside good ones, and nothing is saved', async () => {
    const before = writes();
    const { reply, status } = await run(app, '/settings language:ja colour:red');
    expect(status).toBe('user-error');
    expect(reply.text).toMatch(/^\/settings has no option "colour"/);
    expect(writes()).toBe(before);
  });

  it('a misspelt option name gets "did you mean" with the real one', async () => {
    const { reply } = await run(app, '/settings langauge:ja');
    expect(reply.text).toContain('has no option "langauge"');
    expect(reply.text).toContain('Did you mean:\n• language');
  });

  it('an unknown option comes before a missing one: /model colour:red is about colour, not about the missing name', async () => {
    const { reply } = await run(app, '/model colour:red');
    expect(reply.text).toMatch(/^\/model has no option "colour"\. It takes: name\./);
    expect(reply.text).not.toMatch(/needs name|Nothing in the catalog/);
  });

  it('quoted, the same words are searched for as text, and a URL is never an option', async () => {
    expect((await run(app, '/search "colour:red"')).reply.text).toMatch(NOT_FOUND);
    expect((await run(app, '/model "X3D"')).status).toBe('ok');
    expect((await run(app, '/search https://arxiv.org/abs/2004.04730')).reply.text).not.toMatch(/has no option/);
  });

  it('says it in Japanese too', async () => {
    const { reply } = await run(app, '/settings colour:red', 'ja');
    expect(reply.text).toBe('/settings に「colour」というオプションはありません。使えるのは language, timezone です。');
  });

  it('an unclosed quote shows the usage line', async () => {
    const { reply, status } = await run(app, '/settings timezone:"Asia/Tokyo');
    expect(status).toBe('user-error');
    expect(reply.text).toContain('/settings [language] [timezone]');
  });

  it('echoed user text cannot ping or format on Discord or Slack', async () => {
    const { reply } = await run(app, '/search @everyone <!channel> <@U123> **x**');
    expect(reply.text).toContain('@everyone'); // commands return plain text; the adapters escape it
    const discord = JSON.stringify(renderDiscord(reply));
    expect(renderDiscord(reply).every((message) => message.allowed_mentions.parse.length === 0)).toBe(true);
    expect(discord).not.toMatch(/(?<![\\\u200b])@everyone|\*\*x\*\*/);
    const slack = JSON.stringify(renderSlack(reply));
    expect(slack).not.toContain('<!channel>');
    expect(slack).not.toContain('<@U123>');
    expect(slack).toContain('&lt;!channel&gt;');
    expect(slack).not.toMatch(/@everyone/); // a joiner follows the @
  });
});
