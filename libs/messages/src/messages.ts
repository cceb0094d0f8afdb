/**
 * The one lookup of every text the service shows people (problems, notifications, e-mails), in
 * zh-Hant and en. Texts live in the catalogues (en.ts, zh-hant.ts), never as literals elsewhere.
 */
import { en, type MessageKey, type Messages } from './en.js';
import type { Language } from './languages.js';
import { zhHant } from './zh-hant.js';

export const CATALOGUES: Readonly<Record<Language, Messages>> = { en, 'zh-Hant': zhHant };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

export type MessageParams = Readonly<Record<string, string | number>>;

/** The text of `key` in `language`, `{{name}}` filled from `params` (a missing one stays empty). */
export function message(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

/** `message` for a key built at run time (a problem code); null when the catalogue has none. */
export function messageOrNull(language: Language, key: string, params: MessageParams = {}): string | null {
  return isMessageKey(key) ? message(language, key, params) : null;
}
