import { Button, List, Space, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { client, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { EmptyText } from '../../components/EmptyText';

interface Notification {
  readonly id: string;
  readonly kind: string;
  readonly authorizationId?: string | null;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

const security = [{ scheme: 'bearer', type: 'http' }] as const;

/** The person's notifications (GET /v1/notifications, SPEC §12), newest first; shown only where the API offers them. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [unread, setUnread] = useState(false);
  const queries = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', unread],
    queryFn: () => unwrap(client.get<{ 200: { items: Notification[] } }, unknown, false>({ url: '/v1/notifications', query: unread ? { unread: 'true' } : {}, security: [...security] })),
    refetchInterval: 10_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(client.post<{ 200: unknown }, unknown, false>({ url: '/v1/notifications/{id}/read', path: { id }, security: [...security] })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Switch id="unread-only" checked={unread} onChange={setUnread} aria-label={t('unread')} />
        <label htmlFor="unread-only">{t('unread')}</label>
      </Space>
      <ProblemAlert error={list.error ?? markRead.error} />
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              item.authorizationId ? <Link key="open" to={`/authorizations/${item.authorizationId}`}>{t('open')}</Link> : null,
              item.readAt ? <Tag key="read">{t('read')}</Tag> : <Button key="mark" size="small" onClick={() => markRead.mutate(item.id)}>{t('markRead')}</Button>,
            ].filter(Boolean)}
          >
            <List.Item.Meta title={item.title} description={`${formatInstant(item.createdAt)} · ${item.body}`} />
          </List.Item>
        )}
      />
    </section>
  );
}
