import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const TONES: Readonly<Record<string, readonly [string, string]>> = {
  filed: ['#fff4d6', '#e0b84d'],
  investigating: ['#e3ecfb', '#7ea3e0'],
  concluded: ['#e3f4e6', '#7cc18b'],
  notified: ['#e3f4e6', '#7cc18b'],
};

/** A report's status in words; the text stays near-black so every pair passes WCAG AA contrast. */
export function ReportStatus({ status }: { readonly status: string }) {
  const { t } = useTranslation('reports');
  const [background, border] = TONES[status] ?? ['#f0f0f0', '#bfbfbf'];
  return <Tag style={{ color: '#1f1f1f', background, borderColor: border }}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
