import { afterAll, describe, expect, it } from 'vitest';
import { run, testApp } from '../helpers/app.js';

/**
 * Hostile and broken input for every command: each must give a clear message
 * or a sensible answer, never crash, never write anything, and never hand an
 * adapter something that could ping.
 */
const app = testApp();
afterAll(() => app.close());

const BAD_VALUES: [string, string][] = [
  ['empty', ''],
  ['only spaces', '   '],
  ['5,000 characters', 'a'.repeat(5000)],
  ['emoji', '🤖🔥📚'],
  ['zero-width characters', '\u200b\u200c\u200d\ufeff'],
  ['zero-width inside a name', 'X\u200b3D'],
  ['@everyone', '@everyone'],
  ['slack broadcast', '<!channel> <!here>'],
  ['markdown', '**bold** _it_ ~~x~~ [link](https://evil.example)'],
  ['code fence', '```js\nalert(1)\n```'],
  ['SQL-looking text', "'; DROP TABLE place_settings; --"],
  ['control characters', '\u0007\u001b[31mred'],
];

const COMMANDS = ['model', 'dataset', 'topic', 'search', 'help', 'settings'];

function writes(): number {
  return (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

describe.each(COMMANDS)('/%s with bad input', (command) => {
  it.each(BAD_VALUES)('%s → a clear answer, nothing written', async (_label, value) => {
    const before = writes();
    const result = await run(app, `/${command} ${value}`);
    expect(result.status).not.toBe('failed');
    expect(result.reply.text ?? result.reply.title).toBeTruthy();
    if (result.status === 'user-error') {
      expect(result.reply.ephemeral).toBe(true);
      expect(result.reply.text).not.toMatch(/Error:|at .*\.ts:\d+/); // no stack traces
    }
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

  it('an unclosed quote shows the usage line', async () => {
    const { reply, status } = await run(app, '/settings timezone:"Asia/Tokyo');
    expect(status).toBe('user-error');
    expect(reply.text).toContain('/settings [language] [timezone]');
  });

  it('echoed user text is passed through as plain text for adapters to escape', async () => {
    const { reply } = await run(app, '/search @everyone');
    expect(reply.text).toContain('@everyone');
    expect(reply.kind).not.toBe('model');
  });
});
