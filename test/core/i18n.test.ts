import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { langFromLocale, translator } from '../../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('ja has exactly the keys of en, with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders without re-expanding user text', () => {
    const t = translator('en');
    expect(t('error.notFound', { command: 'model', query: '{command}' })).toBe('Nothing in the catalog matches "{command}" for /model.');
  });

  it('maps platform locales', () => {
    expect(langFromLocale('ja')).toBe('ja');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('fr')).toBeUndefined();
    expect(langFromLocale(undefined)).toBeUndefined();
  });
});
