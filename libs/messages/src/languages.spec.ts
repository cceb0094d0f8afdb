import { negotiateLanguage } from './languages.js';
import { CATALOGUES, message } from './messages.js';

describe('Accept-Language negotiation (RFC 4647, SPEC §12)', () => {
  it.each([
    ['zh', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-hk', 'zh-Hant'],
    ['ZH-MO', 'zh-Hant'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['zh-CN', 'en'],
    ['zh-Hans', 'en'],
    ['*', 'en'],
    ['', 'en'],
    ['fr;q=1, zh-TW;q=0.8', 'zh-Hant'],
    ['en;q=0.5, zh;q=0.9', 'zh-Hant'],
    ['zh;q=0.5, en;q=0.9', 'en'],
    ['zh-CN, zh;q=0.3', 'zh-Hant'],
    ['zh;q=0, en', 'en'],
    ['zh-TW;q=abc, en', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('falls back to the given default when nothing is asked', () => {
    expect(negotiateLanguage(undefined, 'zh-Hant')).toBe('zh-Hant');
    expect(negotiateLanguage('de', 'zh-Hant')).toBe('zh-Hant');
  });
});

describe('the catalogues', () => {
  it('have the same keys and no empty text in either language', () => {
    expect(Object.keys(CATALOGUES['zh-Hant']).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
    for (const catalogue of Object.values(CATALOGUES)) for (const text of Object.values(catalogue)) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    for (const [key, text] of Object.entries(CATALOGUES.en)) expect([key, placeholders(CATALOGUES['zh-Hant'][key as keyof typeof CATALOGUES.en])]).toEqual([key, placeholders(text)]);
  });

  it('fill placeholders and leave a missing one empty', () => {
    expect(message('en', 'notification.expiry-reminder.title', { days: 7, matter: 'Issue goodwill compensation' })).toBe('Your authorization expires in 7 day(s): Issue goodwill compensation');
    expect(message('zh-Hant', 'notification.revoked.body', { matter: '發放客戶補償' })).toBe('您的「發放客戶補償」授權已被撤銷：');
  });
});
