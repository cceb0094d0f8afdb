import { Button, Form, Input, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { getKpisControllerGet } from '../../api/generated/sdk.gen';
import type { GetKpisControllerGetResponse } from '../../api/generated/types.gen';
import { EmptyText } from '../../components/EmptyText';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { KpiChart } from './KpiChart';

/** The KPI fields this page reads; the OpenAPI schema names only the keys and lets the rest through. */
type Kpi = GetKpisControllerGetResponse['items'][number] & {
  readonly decisions?: { readonly recorded: number; readonly accuracy: number | null };
  readonly outOfScope?: { readonly attempts: number; readonly escalated: number };
  readonly substantiatedViolations?: number;
  readonly customerSatisfaction?: { readonly mean: number | null; readonly count: number };
  readonly inspections?: { readonly compliantShare: number | null };
  readonly teamwork?: number | null;
};

const thisMonth = (): string => new Date().toISOString().slice(0, 7);
const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${Math.round(value * 1000) / 10}%`);

/** KPIs of the policy (監督與考核) per employee for a period, as a chart and a table; the API decides whose. */
export function KpiPage() {
  const { t } = useTranslation('supervision');
  const [query, setQuery] = useState<{ period: string; team?: string }>({ period: thisMonth() });
  const kpis = useQuery({ queryKey: ['kpis', query], queryFn: () => unwrap(getKpisControllerGet({ query })) });
  const items = (kpis.data?.items ?? []) as readonly Kpi[];
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('kpis.title')}</Typography.Title>
      <Form layout="inline" initialValues={query} onFinish={(values: { period: string; team?: string }) => setQuery({ period: values.period.trim(), ...(values.team?.trim() ? { team: values.team.trim() } : {}) })} style={{ marginBottom: 16 }}>
        <Form.Item name="period" label={t('kpis.period')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/ }]}><Input style={{ width: 120 }} /></Form.Item>
        <Form.Item name="team" label={t('kpis.team')}><Input style={{ width: 100 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('kpis.show')}</Button>
      </Form>
      <ProblemAlert error={kpis.error} />
      {items.length > 0 && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('kpis.chart')}</h2>}>
          <KpiChart bars={items.map((item) => ({ employeeId: item.employeeId, accuracy: item.decisions?.accuracy ?? null, satisfaction: item.customerSatisfaction?.mean ?? null }))} labels={{ accuracy: t('kpis.accuracy'), satisfaction: t('kpis.satisfaction'), title: t('kpis.chart') }} />
        </Panel>
      )}
      <Table
        rowKey="employeeId"
        loading={kpis.isLoading}
        dataSource={[...items]}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('kpis.none')}</EmptyText> }}
        columns={[
          { title: t('kpis.employee'), dataIndex: 'employeeId' },
          { title: t('kpis.recorded'), key: 'recorded', render: (_, item) => item.decisions?.recorded ?? 0 },
          { title: t('kpis.accuracy'), key: 'accuracy', render: (_, item) => percent(item.decisions?.accuracy) },
          { title: t('kpis.outOfScope'), key: 'oos', render: (_, item) => `${item.outOfScope?.attempts ?? 0} / ${item.outOfScope?.escalated ?? 0}` },
          { title: t('kpis.violations'), key: 'violations', render: (_, item) => item.substantiatedViolations ?? 0 },
          { title: t('kpis.satisfaction'), key: 'satisfaction', render: (_, item) => item.customerSatisfaction?.mean ?? '—' },
          { title: t('kpis.inspections'), key: 'inspections', render: (_, item) => percent(item.inspections?.compliantShare) },
          { title: t('kpis.teamwork'), key: 'teamwork', render: (_, item) => item.teamwork ?? '—' },
        ]}
      />
    </section>
  );
}
