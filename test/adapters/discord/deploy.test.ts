import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import { deployCommands, describeDeploy } from '../../../src/adapters/discord/deploy.js';
import { translateDynamic } from '../../../src/i18n/index.js';
import { APP_ID, FakeDiscord, GUILD_ID } from '../../fakes/discord.js';

describe('discord:deploy against the fake Discord', () => {
  const fake = new FakeDiscord();
  const guildRoute = `/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`;
  beforeAll(() => fake.listen());
  afterAll(() => fake.close());

  it('registers exactly the commands in commands/, in English and Japanese, to the guild', async () => {
    fake.commands.set(guildRoute, [{ id: '1', name: 'retired', description: 'old', type: 1 }]);
    const result = await deployCommands({ token: 'x', applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl }, commands);

    const put = fake.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(guildRoute);
    const sent = put?.body as any[];
    expect(sent.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const command of commands) {
      const definition = sent.find((c) => c.name === command.name);
      expect(definition.description).toBe(translateDynamic('en', command.description).slice(0, 100));
      expect(definition.description_localizations.ja).toBe(translateDynamic('ja', command.description).slice(0, 100));
      const expectedOptions = command.subcommands ? command.subcommands.map((s) => s.name) : command.options.map((o) => o.name);
      expect(definition.options.map((o: any) => o.name)).toEqual(expectedOptions);
      for (const option of definition.options) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect(option.description_localizations.ja).toBeTruthy();
      }
      expect(definition.default_member_permissions).toBe(command.managesPlace ? '32' : null);
    }
    const model = sent.find((c) => c.name === 'model');
    expect(model.options[0]).toMatchObject({ type: 3, required: true, autocomplete: true, max_length: 80 });
    // /quiz registers its verbs as Discord subcommands (type 1), each with its own options and ja/en descriptions.
    const quiz = sent.find((c) => c.name === 'quiz');
    const schedule = quiz.options.find((o: any) => o.name === 'schedule');
    expect(schedule).toMatchObject({ type: 1, description_localizations: { ja: expect.any(String) } });
    expect(schedule.options.map((o: any) => o.name)).toEqual(['time', 'timezone', 'days', 'reveal_after']);
    expect(schedule.options[1]).toMatchObject({ type: 3, autocomplete: true });
    const settings = sent.find((c) => c.name === 'settings');
    expect(settings.options[0].choices).toEqual([{ name: '日本語', value: 'ja' }, { name: 'English', value: 'en' }]);
    expect(settings.options[0].autocomplete).toBeUndefined();

    expect(result.added).toEqual(commands.map((c) => c.name));
    expect(result.removed).toEqual(['retired']);
    expect(describeDeploy(result)).toContain('removed: /retired');
  });

  it('reports nothing changed on a second run, reading the list with its localisations', async () => {
    const result = await deployCommands({ token: 'x', applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl }, commands);
    expect(result).toMatchObject({ added: [], updated: [], removed: [], unchanged: commands.map((c) => c.name) });
    const read = fake.calls.filter((call) => call.method === 'GET' && call.path === guildRoute).at(-1);
    expect(read?.query.get('with_localizations')).toBe('true');
  });

  it('counts a localisation map Discord gives back as null the same as one never sent', async () => {
    const nulled = (fake.commands.get(guildRoute) ?? []).map((command) => ({
      ...command,
      name_localizations: null,
      options: command.options.map((option: any) => ({
        ...option,
        name_localizations: null,
        ...(option.choices ? { choices: option.choices.map((choice: any) => ({ ...choice, name_localizations: null })) } : {}),
      })),
    }));
    fake.commands.set(guildRoute, nulled);
    const result = await deployCommands({ token: 'x', applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl }, commands);
    expect(result.unchanged).toEqual(commands.map((c) => c.name));
  });

  it('registers globally when no guild is set, and a second global deploy changes nothing', async () => {
    const config = { token: 'x', applicationId: APP_ID, apiUrl: fake.apiUrl };
    const first = await deployCommands(config, commands);
    expect(first.target).toBe('global');
    expect(first.added).toEqual(commands.map((c) => c.name));
    expect(fake.calls.at(-1)).toMatchObject({ method: 'PUT', path: `/v10/applications/${APP_ID}/commands` });
    const second = await deployCommands(config, commands);
    expect(second).toMatchObject({ added: [], updated: [], removed: [], unchanged: commands.map((c) => c.name) });
  });
});

describe('the fake lists commands the way Discord does', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.listen());
  afterAll(() => fake.close());

  const stored = {
    id: '1', name: 'settings', description: 'Settings', description_localizations: { ja: '設定' }, type: 1,
    options: [{ name: 'language', description: 'Language', description_localizations: { ja: '言語' }, type: 3,
      choices: [{ name: 'English', name_localizations: { ja: '英語' }, value: 'en' }] }],
  };

  it.each([
    ['global', `/v10/applications/${APP_ID}/commands`],
    ['guild', `/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`],
  ])('leaves out every localisation on the %s list unless with_localizations=true is asked for', async (_label, route) => {
    fake.commands.set(route, [stored]);
    const plain = JSON.stringify(await (await fetch(`${fake.apiUrl}${route}`)).json());
    expect(plain).toContain('"description":"Language"');
    expect(plain).not.toMatch(/_localizations/);
    const full = (await (await fetch(`${fake.apiUrl}${route}?with_localizations=true`)).json()) as unknown[];
    expect(full).toEqual([stored]);
  });
});
