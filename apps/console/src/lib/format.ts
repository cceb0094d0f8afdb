import { currentLanguage } from './i18n';

/** An instant in the shown language, the zone of the browser. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'zh-Hant' ? 'zh-TW' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatAmount(amount: number, currency = 'CNY'): string {
  return new Intl.NumberFormat(currentLanguage() === 'zh-Hant' ? 'zh-TW' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}
