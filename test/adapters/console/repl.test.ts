import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runRepl } from '../../../src/adapters/console/repl.js';
import { testApp } from '../../helpers/app.js';

const app = testApp();
afterAll(() => app.close());

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runRepl(app, { input, output });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return text;
}

describe('console chat', () => {
  it('greets, answers commands, explains non-commands and says goodbye', async () => {
    const text = await session(['/model X3D', 'hello', '/quit']);
    expect(text).toContain('yomikai console');
    expect(text).toContain('X3D: Expanding Architectures for Efficient Video Recognition');
    expect(text).toContain('Commands start with "/"');
    expect(text).toContain('Bye.');
  });

  it('presses a paging button when its number is typed', async () => {
    const text = await session(['/search net', '2']);
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toMatch(/Page 2 of \d/);
  });

  it('ends cleanly when input closes without /quit', async () => {
    const text = await session(['/help']);
    expect(text).toContain('/model <name>');
  });
});
