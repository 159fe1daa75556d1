import { describe, expect, it } from 'vitest';
import { parseOptionsText, splitCommandLine } from '../../src/core/parse-text.js';
import { UserError } from '../../src/core/errors.js';
import settings from '../../commands/settings.js';
import search from '../../commands/search.js';

describe('parseOptionsText', () => {
  it.each([
    [search, 'inverted residual', { query: 'inverted residual' }],
    [search, '"inverted residual"', { query: 'inverted residual' }],
    [search, 'foo:bar', { query: 'foo:bar' }],
    [search, 'query:nerf', { query: 'nerf' }],
    [settings, 'language:ja timezone:Asia/Tokyo', { language: 'ja', timezone: 'Asia/Tokyo' }],
    [settings, 'timezone:"America/New_York" language:en', { language: 'en', timezone: 'America/New_York' }],
    [settings, 'ja Asia/Tokyo', { language: 'ja', timezone: 'Asia/Tokyo' }],
    [settings, 'timezone=“Europe/Berlin”', { timezone: 'Europe/Berlin' }],
    [settings, '', {}],
  ] as const)('%#: %s', (command, text, expected) => {
    expect(parseOptionsText(command, text)).toEqual(expected);
  });

  it('rejects an unclosed quote with the usage line', () => {
    expect(() => parseOptionsText(settings, 'timezone:"Asia/Tokyo')).toThrow(UserError);
  });

  it('keeps apostrophes inside words', () => {
    expect(parseOptionsText(search, "what's new")).toEqual({ query: "what's new" });
  });
});

describe('splitCommandLine', () => {
  it('splits the command name from the rest, case-insensitively', () => {
    expect(splitCommandLine('/Model  X3D ')).toEqual({ command: 'model', text: 'X3D ' });
    expect(splitCommandLine('model X3D')).toBeUndefined();
  });
});
