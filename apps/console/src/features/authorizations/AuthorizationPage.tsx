import { Alert, Button, Card, Descriptions, Input, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useEmployee } from '../../api/session-queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { readSession } from '../../lib/session';
import { sendCompletion, sendRevocation, sendWithdrawal, useAuthorization, useAuthorizationCommand } from './api';
import { AuthorizationTimeline } from './AuthorizationTimeline';
import { EmployeeName, MatterName, type ScopeLike, ScopeText, ValidityText } from './presentation';

const BEFORE_NOTICE = ['pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice'];

export function AuthorizationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('authorizations');
  const me = useEmployee(readSession()?.employeeId);
  const authorization = useAuthorization(id);
  // Each command carries the version this page shows: a view gone stale refuses (409) and reloads.
  const shown = authorization.data?.version;
  const withdraw = useAuthorizationCommand(id, shown, sendWithdrawal);
  const complete = useAuthorizationCommand(id, shown, sendCompletion);
  const revoke = useAuthorizationCommand(id, shown, sendRevocation);
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');

  if (authorization.isLoading) return <Spin />;
  if (authorization.error || !authorization.data) return <ProblemAlert error={authorization.error} />;
  const a = authorization.data;
  const mine = me.data?.employeeId === a.applicantId;
  const leader = me.data !== undefined && ['supervisor', 'manager'].includes(me.data.role) && !mine;
  const pending = a.pendingChange as { terms?: { scope?: ScopeLike; validFrom: string; validUntil: string }; stage?: string } | null | undefined;
  // A refused revocation shows in its dialog while that is open, here once it is closed.
  const error = withdraw.error ?? complete.error ?? (revoking ? null : revoke.error);

  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        <MatterName authorization={a} /> <StatusTag status={a.status} />
      </Typography.Title>
      <ProblemAlert error={error} />
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('detail.terms')}</h2>} style={{ marginBottom: 16 }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('columns.matter')}><MatterName authorization={a} both /></Descriptions.Item>
          <Descriptions.Item label={t('columns.applicant')}><EmployeeName id={a.applicantId} /></Descriptions.Item>
          <Descriptions.Item label={t('columns.scope')}><ScopeText scope={a.terms.scope} /></Descriptions.Item>
          <Descriptions.Item label={t('columns.validity')}><ValidityText terms={a.terms} /></Descriptions.Item>
          <Descriptions.Item label={t('detail.reason')}>{a.reason}</Descriptions.Item>
          {a.endReason && <Descriptions.Item label={t('columns.status')}>{t('detail.ended', { reason: a.endReason })}</Descriptions.Item>}
        </Descriptions>
        {pending?.terms && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            message={t('detail.pendingChange')}
            description={<span>{t('detail.newTerms')}: <ScopeText scope={pending.terms.scope} /> · <ValidityText terms={pending.terms} /></span>}
          />
        )}
        <Space wrap style={{ marginTop: 16 }}>
          {a.notice && <Link to={`/authorizations/${a.id}/notice`}><Button type={mine && (a.status === 'pending_acknowledgement' || pending?.stage === 'acknowledgement') ? 'primary' : 'default'}>{t('detail.openNotice')}</Button></Link>}
          {mine && a.status === 'active' && !pending && <Link to={`/authorizations/${a.id}/change`}><Button>{t('detail.change')}</Button></Link>}
          {mine && BEFORE_NOTICE.includes(a.status) && <Button danger loading={withdraw.isPending} onClick={() => withdraw.mutate()}>{t('detail.withdraw')}</Button>}
          {mine && a.status === 'active' && <Button loading={complete.isPending} onClick={() => complete.mutate('')}>{t('detail.complete')}</Button>}
          {leader && a.status === 'active' && <Button danger onClick={() => setRevoking(true)}>{t('detail.revoke')}</Button>}
        </Space>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('detail.timeline')}</h2>}>
        <AuthorizationTimeline history={a.history as never} />
      </Card>
      <Modal
        open={revoking}
        title={t('detail.revoke')}
        okText={t('detail.confirm')}
        cancelText={t('detail.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: revoke.isPending }}
        onCancel={() => setRevoking(false)}
        onOk={() => revoke.mutate(reason.trim(), { onSuccess: () => setRevoking(false) })}
      >
        <label htmlFor="revoke-reason">{t('detail.revokeReason')}</label>
        <Input.TextArea id="revoke-reason" value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} rows={3} />
        {revoke.error && <ProblemAlert error={revoke.error} />}
      </Modal>
    </section>
  );
}
