import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { useAuthorizations } from './api';
import { MatterName, ScopeText, ValidityText } from './presentation';
import { EmptyText } from '../../components/EmptyText';

export function MyAuthorizationsPage() {
  const { t } = useTranslation('authorizations');
  const employeeId = readSession()?.employeeId;
  const list = useAuthorizations({ employeeId: employeeId ?? '' }, { enabled: employeeId !== undefined });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('mine.title')}</Typography.Title>
        <Link to="/apply"><Button type="primary">{t('mine.apply')}</Button></Link>
      </Space>
      <ProblemAlert error={list.error} />
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('mine.none')}</EmptyText> }}
        pagination={false}
        columns={[
          { title: t('columns.matter'), key: 'matter', render: (_, row) => <Link to={`/authorizations/${row.id}`}><MatterName authorization={row} /></Link> },
          { title: t('columns.status'), key: 'status', render: (_, row) => <StatusTag status={row.status} /> },
          { title: t('columns.scope'), key: 'scope', render: (_, row) => <ScopeText scope={row.terms.scope} /> },
          { title: t('columns.validity'), key: 'validity', render: (_, row) => <ValidityText terms={row.terms} /> },
          { title: t('columns.updated'), key: 'updated', render: (_, row) => formatInstant(row.updatedAt) },
        ]}
      />
    </section>
  );
}
