/** The console's two languages (SPEC §13): any `zh*` browser language shows zh-Hant, anything else en. */
export type Language = 'zh-Hant' | 'en';

const STORAGE_KEY = 'console.language';

export function languageFor(tags: readonly string[]): Language {
  const first = tags[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-Hant' : 'en';
}

/** The chosen language: the user's switch if they used it, else the browser's. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen === 'zh-Hant' || chosen === 'en') return chosen;
  const tags = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return languageFor(tags);
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** `<html lang>` follows the shown language (screen readers, hyphenation, fonts). */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}
