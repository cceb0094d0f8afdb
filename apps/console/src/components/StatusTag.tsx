import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Readonly<Record<string, string>> = {
  active: 'green',
  pending_review: 'gold',
  pending_approval: 'gold',
  pending_final_approval: 'orange',
  pending_notice: 'blue',
  pending_acknowledgement: 'geekblue',
  rejected: 'red',
  revoked: 'red',
  withdrawn: 'default',
  expired: 'default',
  completed: 'default',
};

export function StatusTag({ status }: { readonly status: string }) {
  const { t } = useTranslation('app');
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
