import { Alert, Button, Descriptions, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useEmployee } from '../../api/session-queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { departmentNames, useCatalogue } from '../catalogue/api';
import { sendAcknowledgement, useAuthorization, useAuthorizationCommand } from './api';
import { MatterName, type ScopeLike, ScopeText, ValidityText } from './presentation';

interface Entry {
  readonly type: string;
  readonly occurredAt?: string;
  readonly data: Record<string, unknown>;
}

/** The latest notice and what followed it, from the authorization's history. */
function latestNotice(history: readonly Entry[]) {
  const index = history.findLastIndex((entry) => entry.type === 'NoticeIssued');
  if (index < 0) return null;
  const issued = history[index]!;
  const acknowledged = history.slice(index + 1).find((entry) => entry.type === 'NoticeAcknowledged') ?? null;
  return { issued, acknowledged };
}

/** 授權通知書: read, acknowledged by the applicant, printable on A4 (the print stylesheet keeps only the document). */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('authorizations');
  const session = readSession();
  const authorization = useAuthorization(id);
  // The acknowledgement is of the notice shown: if another notice replaced it meanwhile, 409 and the page reloads.
  const acknowledge = useAuthorizationCommand(id, authorization.data?.version, sendAcknowledgement);
  const applicant = useEmployee(authorization.data?.applicantId);
  const notice = authorization.data ? latestNotice(authorization.data.history as readonly Entry[]) : null;
  const issuerId = typeof notice?.issued.data['issuerId'] === 'string' ? notice.issued.data['issuerId'] : undefined;
  const issuer = useEmployee(issuerId);
  const catalogue = useCatalogue();

  if (authorization.isLoading) return <Spin />;
  if (authorization.error || !authorization.data) return <ProblemAlert error={authorization.error} />;
  const a = authorization.data;
  if (!notice) return <Alert type="info" showIcon message={t('notice.none')} />;
  const data = notice.issued.data;
  const terms = (data['terms'] as { scope?: ScopeLike; validFrom: string; validUntil: string } | undefined) ?? a.terms;
  const copies = Array.isArray(data['copiesTo']) ? (data['copiesTo'] as string[]) : [];
  const mine = session?.employeeId === a.applicantId;
  const canAcknowledge = mine && notice.acknowledged === null && (a.status === 'pending_acknowledgement' || a.status === 'active');

  return (
    <section>
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => window.print()}>{t('notice.print')}</Button>
        {canAcknowledge && (
          <Button type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
            {t('notice.acknowledge')}
          </Button>
        )}
      </Space>
      {canAcknowledge && <Alert className="no-print" type="info" showIcon message={t('notice.acknowledgeHint')} style={{ marginBottom: 16 }} />}
      <ProblemAlert error={acknowledge.error} />
      <article className="notice-document" style={{ maxWidth: 800, background: '#fff', padding: 32, border: '1px solid #d9d9d9' }}>
        <Typography.Title level={1} style={{ textAlign: 'center', fontSize: 26 }}>
          {t('notice.heading')} {data['changeId'] ? t('notice.change') : ''}
        </Typography.Title>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('notice.number')}>{String(data['noticeNumber'] ?? '')}</Descriptions.Item>
          <Descriptions.Item label={t('notice.employee')}>{applicant.data ? `${applicant.data.name} (${a.applicantId})` : a.applicantId}</Descriptions.Item>
          <Descriptions.Item label={t('notice.matter')}><MatterName authorization={a} both /></Descriptions.Item>
          <Descriptions.Item label={t('notice.scope')}><ScopeText scope={{ ...terms.scope, currency: (a.terms.scope as ScopeLike).currency }} /></Descriptions.Item>
          <Descriptions.Item label={t('notice.validity')}><ValidityText terms={terms} /></Descriptions.Item>
          <Descriptions.Item label={t('notice.issuer')}>
            {issuer.data ? `${issuer.data.name} (${issuerId})` : issuerId} · {data['issuedAs'] === 'designee' ? t('notice.asDesignee') : t('notice.asManager')}
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.issuedAt')}>{formatInstant(notice.issued.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.copies')}>{copies.length > 0 ? copies.map((slug) => departmentNames(catalogue.data, slug)).join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('notice.acknowledgement')}>
            {notice.acknowledged
              ? t('notice.acknowledgedBy', { name: applicant.data?.name ?? a.applicantId, at: formatInstant(notice.acknowledged.occurredAt) })
              : t('notice.notAcknowledged')}
          </Descriptions.Item>
        </Descriptions>
      </article>
    </section>
  );
}
