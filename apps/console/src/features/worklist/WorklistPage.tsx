import { Empty, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useInbox } from './api';
import { type Task, TaskCard } from './TaskCard';

export function WorklistPage() {
  const { t } = useTranslation('worklist');
  const inbox = useInbox();
  // A decision refused because the task had changed or gone (409): shown here, above the reloaded list.
  const [stale, setStale] = useState<unknown>(null);
  const items = (inbox.data?.items ?? []) as readonly Task[];
  return (
    <section>
      <Space align="baseline" wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('refreshing')}</Typography.Text>
      </Space>
      <ProblemAlert error={inbox.error} />
      <ProblemAlert error={stale} />
      {inbox.isLoading ? <Spin /> : items.length === 0 ? <Empty description={t('none')} /> : items.map((task) => <TaskCard key={`${task.kind}:${task.authorizationId ?? task.subjectId}:${task.changeId ?? ''}`} task={task} onStale={setStale} />)}
    </section>
  );
}
