import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Background and border per status; the text stays near-black so every pair passes WCAG AA contrast. */
const TONES: Readonly<Record<string, readonly [string, string]>> = {
  active: ['#e3f4e6', '#7cc18b'],
  pending_review: ['#fff4d6', '#e0b84d'],
  pending_approval: ['#fff4d6', '#e0b84d'],
  pending_final_approval: ['#ffe8d6', '#e59a5c'],
  pending_notice: ['#e3ecfb', '#7ea3e0'],
  pending_acknowledgement: ['#e3ecfb', '#7ea3e0'],
  rejected: ['#fbe3e3', '#e07e7e'],
  revoked: ['#fbe3e3', '#e07e7e'],
};

export function StatusTag({ status }: { readonly status: string }) {
  const { t } = useTranslation('app');
  const [background, border] = TONES[status] ?? ['#f0f0f0', '#bfbfbf'];
  return <Tag style={{ color: '#1f1f1f', background, borderColor: border }}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
