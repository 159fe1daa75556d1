import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { pageButtons, pageButtonTarget, parsePageButton } from '../../src/core/paging.js';
import { translator } from '../../src/i18n/index.js';

/** Paging ids that carry a verb (`/reading list`), beside the plain ones every earlier message still has. */
const app = testApp();
afterAll(() => app.close());

describe('paging ids with a subcommand', () => {
  it('carry the verb after a dot, and lead back to that verb with the page', () => {
    const [, next] = pageButtons({ command: 'reading', subcommand: 'list', query: '' }, { items: [], page: 1, pages: 3 }, translator('en'), 'en');
    expect(next?.id).toBe('p2:reading.list:2:en:');
    expect(parsePageButton('p2:reading.list:2:en:')).toEqual({ command: 'reading', subcommand: 'list', page: 2, lang: 'en', query: '' });
    expect(pageButtonTarget('p2:reading.list:2:ja:', app.registry)).toEqual({ command: 'reading', subcommand: 'list', options: {}, page: 2, lang: 'ja' });
  });

  it('leave ids without a verb as they were (messages already posted keep working)', () => {
    expect(parsePageButton('p2:search:2:en:net')).toEqual({ command: 'search', page: 2, lang: 'en', query: 'net' });
    expect(pageButtonTarget('p1:search:3:net', app.registry)).toEqual({ command: 'search', options: { query: 'net' }, page: 3 });
    expect(parsePageButton('p2:reading.:2:en:')).toBeUndefined();
  });
});
