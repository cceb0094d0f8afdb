import { Button, Card, DatePicker, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../lib/dayjs-locale';
import { unwrap } from '../../api/client';
import { auditControllerList } from '../../api/generated/sdk.gen';
import type { AuditControllerListData } from '../../api/generated/types.gen';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { EmptyText } from '../../components/EmptyText';

type Filters = NonNullable<AuditControllerListData['query']>;
interface FilterValues {
  authorizationId?: string;
  employeeId?: string;
  actorId?: string;
  type?: string;
  from?: Dayjs;
  to?: Dayjs;
}

const toQuery = (values: FilterValues): Filters => {
  const query: Filters = {};
  for (const key of ['authorizationId', 'employeeId', 'actorId', 'type'] as const) if (values[key]?.trim()) query[key] = values[key]!.trim();
  if (values.from) query.from = values.from.toISOString();
  if (values.to) query.to = values.to.toISOString();
  return query;
};

/** Compliance's timeline of every recorded fact, in commit order, filtered as the API allows. */
export function AuditPage() {
  const { t } = useTranslation('compliance');
  const [filters, setFilters] = useState<Filters>({});
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(auditControllerList({ query: { ...filters, limit: '100', ...(pageParam ? { cursor: pageParam } : {}) } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('audit.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues> layout="inline" onFinish={(values) => setFilters(toQuery(values))}>
          <Form.Item name="authorizationId" label={t('audit.authorizationId')}><Input allowClear /></Form.Item>
          <Form.Item name="employeeId" label={t('audit.employeeId')}><Input allowClear style={{ width: 120 }} /></Form.Item>
          <Form.Item name="actorId" label={t('audit.actorId')}><Input allowClear style={{ width: 120 }} /></Form.Item>
          <Form.Item name="type" label={t('audit.type')}><Input allowClear style={{ width: 180 }} /></Form.Item>
          <Form.Item name="from" label={t('audit.from')}><DatePicker showTime /></Form.Item>
          <Form.Item name="to" label={t('audit.to')}><DatePicker showTime /></Form.Item>
          <Button type="primary" htmlType="submit">{t('audit.search')}</Button>
        </Form>
      </Card>
      <ProblemAlert error={audit.error} />
      <List
        loading={audit.isLoading}
        dataSource={items}
        locale={{ emptyText: <EmptyText>{t('audit.none')}</EmptyText> }}
        renderItem={(entry) => {
          const actor = (entry.actor ?? {}) as { id?: string; kind?: string };
          return (
            <List.Item key={entry.position}>
              <List.Item.Meta
                title={<Space wrap><Tag color="blue">{entry.type}</Tag><span>{formatInstant(entry.occurredAt)}</span><span>{actor.id ? `${actor.id} (${actor.kind ?? ''})` : ''}</span></Space>}
                description={<Typography.Text type="secondary">{`${t('audit.stream')} ${entry.streamId} · ${t('audit.position')} ${entry.position} · ${JSON.stringify(entry.data).slice(0, 240)}`}</Typography.Text>}
              />
            </List.Item>
          );
        }}
      />
      {audit.hasNextPage && <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>{t('audit.more')}</Button>}
    </section>
  );
}
