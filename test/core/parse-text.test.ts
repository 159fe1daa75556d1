import { describe, expect, it } from 'vitest';
import { parseOptionsText, parseTypedText, splitCommandLine } from '../../src/core/parse-text.js';
import { UserError } from '../../src/core/errors.js';
import settings from '../../commands/settings.js';
import search from '../../commands/search.js';

describe('parseOptionsText', () => {
  it.each([
    [search, 'inverted residual', { query: 'inverted residual' }],
    [search, '"inverted residual"', { query: 'inverted residual' }],
    [search, '"foo:bar"', { query: 'foo:bar' }],
    [search, 'https://arxiv.org/abs/2004.04730', { query: 'https://arxiv.org/abs/2004.04730' }],
    [search, 'note:', { query: 'note:' }],
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

  it('refuses words left over once every option is named, with the usage line', () => {
    expect(() => parseOptionsText(settings, 'language:ja timezone:Asia/Tokyo extra words')).toThrowError(
      expect.objectContaining({ key: 'error.extraWords', params: expect.objectContaining({ words: 'extra words', usage: '/settings [language] [timezone]' }) }),
    );
  });

  it('takes page:N on paged commands only, outside quotes', () => {
    expect(parseTypedText(search, 'net page:2')).toEqual({ options: { query: 'net' }, page: 2 });
    expect(parseTypedText(search, 'page=3 "inverted residual"')).toEqual({ options: { query: 'inverted residual' }, page: 3 });
    expect(parseTypedText(search, '"net page:2"')).toEqual({ options: { query: 'net page:2' } });
    // /settings does not page, so page is an option it does not have.
    expect(() => parseTypedText(settings, 'page:2')).toThrowError(expect.objectContaining({ key: 'error.unknownOption', params: expect.objectContaining({ option: 'page' }) }));
  });

  it('refuses an option the command does not have, listing the real ones, before filling anything', () => {
    expect(() => parseTypedText(settings, 'colour:red')).toThrowError(
      expect.objectContaining({ key: 'error.unknownOption', params: { command: 'settings', option: 'colour', options: 'language, timezone' } }),
    );
    expect(() => parseTypedText(search, 'nerf colour=red')).toThrowError(
      expect.objectContaining({ key: 'error.unknownOptionOrQuote', params: expect.objectContaining({ option: 'colour', options: 'query, page', text: 'colour=red' }) }),
    );
  });

  it('suggests the option meant by a typo', () => {
    expect(() => parseTypedText(settings, 'langauge:ja')).toThrowError(expect.objectContaining({ suggestions: ['language'] }));
    expect(() => parseTypedText(settings, 'Timezone:Asia/Tokyo')).not.toThrow();
  });

  it.each(['page:0', 'page:99999', 'page:two', 'page:-1'])('rejects %s with an example', (text) => {
    expect(() => parseTypedText(search, `net ${text}`)).toThrowError(expect.objectContaining({ key: 'error.badPageNumber' }));
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
