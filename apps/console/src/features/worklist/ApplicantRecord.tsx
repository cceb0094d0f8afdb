import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyText } from '../../components/EmptyText';
import { StatusTag } from '../../components/StatusTag';
import { useAuthorizations } from '../authorizations/api';
import { MatterName, ScopeText } from '../authorizations/presentation';

/** What a reviewer needs beside the task: the applicant's other authorizations, current and past. */
export function ApplicantRecord({ employeeId, label, exceptId }: { readonly employeeId: string; readonly label: string; readonly exceptId: string }) {
  const { t } = useTranslation('worklist');
  const list = useAuthorizations({ employeeId });
  const others = (list.data?.items ?? []).filter((item) => item.id !== exceptId);
  return (
    <section aria-label={`${t('record')} ${label}`}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('record')} · {label}</Typography.Title>
      {!list.isLoading && others.length === 0 && <EmptyText>{t('recordNone')}</EmptyText>}
      <ul style={{ paddingInlineStart: 16, margin: 0 }}>
        {others.map((item) => (
          <li key={item.id} style={{ marginBottom: 4 }}>
            <MatterName authorization={item} /> <StatusTag status={item.status} /> <ScopeText scope={item.terms.scope} />
          </li>
        ))}
      </ul>
    </section>
  );
}
