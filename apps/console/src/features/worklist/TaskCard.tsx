import { Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { useAuthorization } from '../authorizations/api';
import { MatterName, ScopeText, ValidityText } from '../authorizations/presentation';
import { useCatalogue } from '../catalogue/api';
import { type Decision, sendDecision, sendNotice } from './api';
import { ApplicantRecord } from './ApplicantRecord';

export interface Task {
  readonly kind: string;
  readonly authorizationId?: string | null;
  readonly subjectId?: string;
  readonly applicantId?: string;
  readonly employeeId?: string | null;
  readonly matter?: string;
  readonly since: string;
  readonly dueAt?: string | null;
  readonly reason?: string | null;
  readonly changeId?: string | null;
}

const DECISIONS = ['review', 'approval', 'final-approval'] as const;
type DecisionKind = (typeof DECISIONS)[number];
const isDecision = (kind: string): kind is DecisionKind => (DECISIONS as readonly string[]).includes(kind);

/** One task with what deciding it needs: the terms, why it reached me, the applicant's record, the buttons. */
export function TaskCard({ task }: { readonly task: Task }) {
  const { t } = useTranslation('worklist');
  const id = task.authorizationId ?? '';
  const authorization = useAuthorization(id);
  const catalogue = useCatalogue();
  const client = useQueryClient();
  const [opinion, setOpinion] = useState('');
  const [copies, setCopies] = useState<string[] | undefined>(undefined);
  const [opinionError, setOpinionError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSettled: async (_data, error) => {
      if (error && !(isProblem(error) && error.status === 409)) return;
      await client.invalidateQueries({ queryKey: ['inbox'] });
      await client.invalidateQueries({ queryKey: ['authorizations'] });
    },
  });
  const applicantId = task.applicantId ?? task.employeeId ?? authorization.data?.applicantId;
  const a = authorization.data;
  const matterRules = a ? catalogue.data?.matters.find((matter) => matter.id === a.matter) : undefined;
  const defaultCopies = matterRules ? [...(matterRules.copies?.required ?? []), ...(matterRules.copies?.default ?? [])] : [];

  const decide = (positive: boolean) => {
    if (!isDecision(task.kind)) return;
    if (!positive && opinion.trim() === '') return setOpinionError(t('opinionRequired'));
    setOpinionError(null);
    const decision: Decision = { kind: task.kind, positive, opinion: opinion.trim() };
    act.mutate(() => sendDecision(id, decision));
  };
  const title = (
    <Space wrap>
      <Tag color="blue">{t(`kinds.${task.kind}`, { defaultValue: task.kind })}</Tag>
      {a ? <MatterName authorization={a} /> : task.matter}
      {applicantId && <Typography.Text type="secondary">{t('applicant', { id: applicantId })}</Typography.Text>}
    </Space>
  );
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>} style={{ marginBottom: 16 }} extra={id && <Link to={`/authorizations/${id}`}>{t('open')}</Link>}>
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('since', { at: formatInstant(task.since) })}
              {task.dueAt ? ` · ${t('due', { at: formatInstant(task.dueAt) })}` : ''}
            </Typography.Text>
            {task.reason && <Typography.Text strong>{t('why', { reason: task.reason })}</Typography.Text>}
            {a && (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                <ScopeText scope={(a.pendingChange as { terms?: { scope?: object } } | null)?.terms?.scope ?? a.terms.scope} /> · <ValidityText terms={(a.pendingChange as { terms?: { validFrom: string; validUntil: string } } | null)?.terms ?? a.terms} />
                <br />
                {a.reason}
              </Typography.Paragraph>
            )}
            <ProblemAlert error={act.error} />
            {isDecision(task.kind) && (
              <Form layout="vertical" onSubmitCapture={(event) => event.preventDefault()}>
                <Form.Item label={t('opinion')} htmlFor={`opinion-${id}-${task.kind}`} validateStatus={opinionError ? 'error' : undefined} help={opinionError ?? undefined}>
                  <Input.TextArea id={`opinion-${id}-${task.kind}`} rows={2} maxLength={2000} value={opinion} onChange={(event) => setOpinion(event.target.value)} />
                </Form.Item>
                <Space>
                  <Button type="primary" loading={act.isPending} onClick={() => decide(true)}>{task.kind === 'review' ? t('pass') : t('approve')}</Button>
                  <Button danger disabled={act.isPending} onClick={() => decide(false)}>{t('reject')}</Button>
                </Space>
              </Form>
            )}
            {task.kind === 'notice' && (
              <Form layout="vertical" onSubmitCapture={(event) => event.preventDefault()}>
                <Form.Item label={t('copiesTo')} htmlFor={`copies-${id}`} extra={t('copiesHint')}>
                  <Select id={`copies-${id}`} mode="tags" value={copies ?? defaultCopies} onChange={(value: string[]) => setCopies(value)} tokenSeparators={[',', ' ']} aria-label={t('copiesTo')} />
                </Form.Item>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate(() => sendNotice(id, copies))}>{t('issue')}</Button>
              </Form>
            )}
            {task.kind === 'acknowledgement' && id && <Link to={`/authorizations/${id}/notice`}><Button type="primary">{t('openNotice')}</Button></Link>}
          </Space>
        </Col>
        <Col xs={24} md={10}>{applicantId && id && <ApplicantRecord employeeId={applicantId} exceptId={id} />}</Col>
      </Row>
    </Card>
  );
}
