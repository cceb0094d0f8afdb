import { describe, expect, it } from 'vitest';
import { languageFor } from './language';

describe('the shown language (SPEC §13)', () => {
  it.each([['zh'], ['zh-TW'], ['zh-Hant'], ['zh-HK'], ['zh-CN'], ['ZH-tw']])('shows zh-Hant for a browser asking for %s', (tag) => {
    expect(languageFor([tag, 'en'])).toBe('zh-Hant');
  });

  it.each([['en-US'], ['fr'], ['ja'], ['zhx'], ['']])('shows en for %s', (tag) => {
    expect(languageFor([tag, 'zh-TW'])).toBe('en');
  });
});
