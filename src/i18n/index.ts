import { en } from './en.js';
import { ja } from './ja.js';

export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** The {names} inside a message, as a union of string literals. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? Record<string, never>
  : Record<Placeholders<(typeof en)[K]>, string | number>;

const catalogs: Record<Lang, Messages> = { en, ja };

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K> extends Record<string, never> ? [] : [MessageParams<K>]) => string;

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  return ((key: MessageKey, params?: Record<string, string | number>) => fill(messages[key], params)) as Translate;
}

/** Looks up a key whose name is only known at run time (e.g. `unit.${unit}`); falls back to the key. */
export function translateDynamic(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const messages = catalogs[lang] as Record<string, string>;
  return fill(messages[key] ?? key, params);
}

function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Maps a platform locale ("ja", "en-US", "ja-JP") to one of ours, or undefined. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}
