import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordTable } from '../../components/RecordTable';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { useAuthorizationList } from './list';
import { MatterName, ScopeText, ValidityText } from './presentation';

export function MyAuthorizationsPage() {
  const { t } = useTranslation('authorizations');
  const employeeId = readSession()?.employeeId;
  const list = useAuthorizationList({ employeeId: employeeId ?? '' }, { enabled: employeeId !== undefined });
  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('mine.title')}</Typography.Title>
        <Link to="/apply"><Button type="primary">{t('mine.apply')}</Button></Link>
      </Space>
      <RecordTable
        list={list}
        empty={t('mine.none')}
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
