import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/app.js';

const commands = allCommands();
import { autocompleteChoices } from '../../../src/adapters/discord/autocomplete.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { loadConfig } from '../../../src/config.js';
import { CommandRegistry } from '../../../src/core/registry.js';

const services = { catalog: loadCatalog(loadConfig({}, {}).catalogDir), registry: new CommandRegistry(commands) };

describe('autocompleteChoices', () => {
  it('offers the first 25 entries in catalog order when nothing is typed yet', () => {
    const choices = autocompleteChoices('model', '', 'en', services);
    expect(choices).toHaveLength(25);
    expect(choices[0]?.value).toBe(services.catalog.models[0]?.name);
  });

  it('names topics in the reader’s language', () => {
    const en = autocompleteChoices('topic', '', 'en', services).map((c) => c.value);
    const ja = autocompleteChoices('topic', '', 'ja', services).map((c) => c.value);
    expect(en).toEqual(services.catalog.topics.map((t) => t.name.en));
    expect(ja).toEqual(services.catalog.topics.map((t) => t.name.ja));
  });

  it('keeps every choice within 25 entries and 100 characters, without duplicate values', () => {
    for (const text of ['', 'a', 'net', 'セグ', 'x'.repeat(300)]) {
      const choices = autocompleteChoices('any', text, 'ja', services);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
      for (const choice of choices) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('completes command names for /help', () => {
    expect(autocompleteChoices('command', 'se', 'en', services).map((c) => c.value)).toEqual(['search', 'settings', 'dataset']); // prefixes first, then names containing the text
    expect(autocompleteChoices('command', '/da', 'en', services)).toEqual([{ name: '/dataset', value: 'dataset' }]);
  });

  it('completes time zones by city for /settings', () => {
    expect(autocompleteChoices('timezone', 'toky', 'en', services)).toEqual([{ name: 'Asia/Tokyo', value: 'Asia/Tokyo' }]);
    expect(autocompleteChoices('timezone', '', 'en', services)[0]?.value).toBe('Asia/Tokyo');
    const american = autocompleteChoices('timezone', 'america/', 'en', services);
    expect(american).toHaveLength(25);
    expect(american.every((c) => c.value.startsWith('America/'))).toBe(true);
  });
});
