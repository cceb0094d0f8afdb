import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../lib/format';
import type { AuthorizationListQuery } from '../authorizations/api';
import { useAuthorizationList } from '../authorizations/list';
import { MatterName, ScopeText, ValidityText } from '../authorizations/presentation';
import { RecordTable } from '../../components/RecordTable';

const STATUSES = ['pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice', 'pending_acknowledgement', 'active', 'rejected', 'withdrawn', 'expired', 'completed', 'revoked'] as const;

/** The grants a supervisor's team (or, for a manager, the call center) holds and applies for; the API decides who sees what. */
export function TeamPage() {
  const { t } = useTranslation('team');
  const { t: tApp } = useTranslation('app');
  const { t: tA } = useTranslation('authorizations');
  const [status, setStatus] = useState<AuthorizationListQuery['status'] | undefined>('active');
  const list = useAuthorizationList(status ? { status } : {});
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="team-status">{t('status')}</label>
        <Select
          id="team-status"
          style={{ width: 220 }}
          value={status ?? ''}
          onChange={(value) => setStatus(value === '' ? undefined : (value as AuthorizationListQuery['status']))}
          options={[{ value: '', label: t('all') }, ...STATUSES.map((value) => ({ value, label: tApp(`status.${value}`) }))]}
        />
      </Space>
      <RecordTable
        list={list}
        empty={t('none')}
        columns={[
          { title: tA('columns.applicant'), dataIndex: 'applicantId' },
          { title: tA('columns.matter'), key: 'matter', render: (_, row) => <Link to={`/authorizations/${row.id}`}><MatterName authorization={row} /></Link> },
          { title: tA('columns.status'), key: 'status', render: (_, row) => <StatusTag status={row.status} /> },
          { title: tA('columns.scope'), key: 'scope', render: (_, row) => <ScopeText scope={row.terms.scope} /> },
          { title: tA('columns.validity'), key: 'validity', render: (_, row) => <ValidityText terms={row.terms} /> },
          { title: tA('columns.updated'), key: 'updated', render: (_, row) => formatInstant(row.updatedAt) },
        ]}
      />
    </section>
  );
}
