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

/**
 * How commands are typed where a message will be read. Templates name a
 * command as "/search" or "/{command}"; with a naming, those become what works
 * on that platform ("/yomikai search" on Slack, where /search is Slack's own).
 * Only the template is rewritten: text filled into it is never touched.
 */
export interface CommandNaming {
  /** A command name → how to type it here: "/model", "/yomikai topic", "/yk-model". */
  slash(name: string): string;
  /** Whether "/word" written in a template is one of our commands (not "/quit", not a path). */
  isCommand(word: string): boolean;
}

export function translator(lang: Lang, naming?: CommandNaming): Translate {
  const messages = catalogs[lang];
  return ((key: MessageKey, params?: Record<string, string | number>) => fill(messages[key], params, naming)) as Translate;
}

/** Looks up a key whose name is only known at run time (e.g. `unit.${unit}`); falls back to the key. */
export function translateDynamic(lang: Lang, key: string, params?: Record<string, string | number>, naming?: CommandNaming): string {
  const messages = catalogs[lang] as Record<string, string>;
  return fill(messages[key] ?? key, params, naming);
}

/**
 * "/{param}" or a literal "/name" that starts a word (so never the "/Tokyo" of
 * "Asia/Tokyo" nor a URL's path), or a plain "{param}". One pass, so a value
 * filled in is never scanned again.
 */
const TEMPLATE_TOKEN = /(?<![\w./:-])\/(?:\{(\w+)\}|([a-z][a-z0-9-]*)(?![\w-]))|\{(\w+)\}/g;

function fill(template: string, params?: Record<string, string | number>, naming?: CommandNaming): string {
  if (!params && !naming) return template;
  return template.replace(TEMPLATE_TOKEN, (whole, slashParam?: string, literal?: string, param?: string) => {
    if (literal !== undefined) return naming?.isCommand(literal) ? naming.slash(literal) : whole;
    const value = params?.[slashParam ?? param ?? ''];
    if (value === undefined) return whole;
    if (slashParam === undefined) return String(value);
    return naming ? naming.slash(String(value)) : `/${String(value)}`;
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
