import { describe, expect, it } from 'vitest';
import { translateDynamic, translator, type CommandNaming } from '../../src/i18n/index.js';
import { usageLine } from '../../src/core/usage.js';
import { allCommands } from '../../src/app.js';

const commands = allCommands();
import { dispatch } from '../../src/core/dispatch.js';
import { testApp } from '../helpers/app.js';

/** Slack-like naming: /topic and /search are someone else's, so they go through an umbrella. */
const umbrella: CommandNaming = {
  slash: (name) => (['topic', 'search', 'help'].includes(name) ? `/yomikai ${name}` : `/${name}`),
  isCommand: (word) => commands.some((c) => c.name === word),
};

describe('command names in messages', () => {
  it('rewrites the commands a template names, for the platform at hand', () => {
    const t = translator('en', umbrella);
    expect(t('error.notFoundNoSuggestion', { command: 'dataset', query: 'zzz' })).toBe(
      'Nothing in the catalog matches "zzz" for /dataset. Try /yomikai search with a shorter word, or /yomikai topic to browse the survey.',
    );
    expect(t('error.missingOption', { command: 'search', option: 'query', example: 'EX' })).toBe('/yomikai search needs query. Example: EX');
    expect(translateDynamic('ja', 'cmd.topic.example', undefined, umbrella)).toBe('/yomikai topic 動画認識');
  });

  it('never rewrites text filled in from the user, paths like Asia/Tokyo, or words that are not our commands', () => {
    const t = translator('en', umbrella);
    expect(t('error.notFound', { command: 'model', query: '/topic {command}' })).toBe('Nothing in the catalog matches "/topic {command}" for /model.');
    expect(t('error.badTimezone', { value: 'x' })).toContain('Asia/Tokyo, Europe/Berlin or America/New_York');
    expect(t('console.welcome')).toBe('yomikai console — type /yomikai help for commands, /quit to leave.');
  });

  it('leaves messages as written where no naming is given (Discord, the console)', () => {
    expect(translator('en')('help.more')).toBe('More: /help <command>');
    expect(usageLine(commands.find((c) => c.name === 'search')!)).toBe('/search <query> [page:N]');
    expect(usageLine(commands.find((c) => c.name === 'search')!, false, umbrella.slash)).toBe('/yomikai search <query>');
  });

  it('reaches commands through the invocation: dispatch names help, examples and "did you mean" with it', async () => {
    const app = testApp();
    try {
      const place = { platform: 'slack' as const, scope: 'T9', channel: 'C1' };
      const base = { options: {}, actor: { id: 'U1' }, place, commandName: umbrella.slash };
      const help = await dispatch({ ...base, command: 'help', options: { command: 'topic' } }, app);
      expect(help.reply.fields?.map((f) => f.value)).toEqual(expect.arrayContaining(['/yomikai topic [name]', '/yomikai topic video']));
      const typo = await dispatch({ ...base, command: 'serch' }, app);
      expect(typo.reply.text).toBe('There is no command "/serch".\nDid you mean:\n• /yomikai search');
      const plain = await dispatch({ ...base, command: 'serch', commandName: undefined }, app);
      expect(plain.reply.text).toBe('There is no command "/serch".\nDid you mean:\n• /search');
    } finally {
      app.close();
    }
  });
});
