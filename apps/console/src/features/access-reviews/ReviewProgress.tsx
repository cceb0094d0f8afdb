import { Progress as Bar, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Progress, progressShare } from './api';

/** Decided and undecided items of a campaign, as counts and a bar. */
export function ReviewProgress({ progress, label }: { readonly progress: Progress; readonly label: string }) {
  const { t } = useTranslation('accessReviews');
  const { decided, total, percent } = progressShare(progress);
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%', maxWidth: 360 }}>
      <Bar percent={percent} size="small" aria-label={t('progressOf', { title: label })} aria-valuetext={t('progressText', { decided, total })} />
      <Typography.Text type="secondary">
        {t('counts', { decided, total, undecided: progress.undecided, kept: progress.kept, revoked: progress.revoked, defaulted: progress.defaulted })}
      </Typography.Text>
    </Space>
  );
}
