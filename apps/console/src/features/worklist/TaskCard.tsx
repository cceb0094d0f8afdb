import { Button, Checkbox, Col, Input, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { isStale, reloadAfterCommand, useAuthorization } from '../authorizations/api';
import { MatterName, matterName, ScopeText, useEmployeeLabel, ValidityText } from '../authorizations/presentation';
import { departmentName, finalApprovalRule, useCatalogue } from '../catalogue/api';
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
  /** A stand-in's (代理人) task: the absent employee it is taken for. */
  readonly actingForId?: string | null;
}

const DECISIONS = ['review', 'approval', 'final-approval'] as const;
type DecisionKind = (typeof DECISIONS)[number];
const isDecision = (kind: string): kind is DecisionKind => (DECISIONS as readonly string[]).includes(kind);

/** One task with what deciding it needs: the terms, why it reached me, the applicant's record, the buttons. */
export function TaskCard({ task, onStale }: { readonly task: Task; readonly onStale?: (problem: unknown) => void }) {
  const { t, i18n } = useTranslation('worklist');
  const id = task.authorizationId ?? '';
  const authorization = useAuthorization(id);
  const catalogue = useCatalogue();
  const client = useQueryClient();
  const [opinion, setOpinion] = useState('');
  const [copies, setCopies] = useState<string[] | undefined>(undefined);
  const [opinionError, setOpinionError] = useState<string | null>(null);
  // A decision is on the terms the card shows: it carries their version (If-Match), and a 409 (changed
  // or decided meanwhile) reloads the card and the worklist; the server's problem is handed to the page,
  // which keeps showing it when the reload takes this card away.
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSettled: async (_data, error) => {
      if (error && !isStale(error)) return;
      if (error) onStale?.(error);
      await reloadAfterCommand(client);
    },
  });
  const applicantId = task.applicantId ?? task.employeeId ?? authorization.data?.applicantId;
  const applicant = useEmployeeLabel(applicantId);
  // For whom a stand-in (代理人) takes the task (the item's actingForId): shown by name, in the reader's language.
  const { t: tAuthorizations } = useTranslation('authorizations');
  const actingFor = useEmployeeLabel(task.actingForId ?? undefined);
  const a = authorization.data;
  const matterRules = a ? catalogue.data?.matters.find((matter) => matter.id === a.matter) : undefined;
  const defaultCopies = matterRules ? [...(matterRules.copies?.required ?? []), ...(matterRules.copies?.default ?? [])] : [];
  // Every department the catalogue names is offered by name; a catalogue naming none takes a typed slug.
  const namedDepartments = (catalogue.data?.departments ?? []).map((department) => department.id);
  const copyOptions = [...new Set([...defaultCopies, ...namedDepartments, ...(copies ?? [])])];

  const decide = (positive: boolean) => {
    if (!isDecision(task.kind) || !a) return;
    if (!positive && opinion.trim() === '') return setOpinionError(t('opinionRequired'));
    setOpinionError(null);
    const decision: Decision = { kind: task.kind, positive, opinion: opinion.trim() };
    const shown = a.version;
    act.mutate(() => sendDecision(id, decision, shown));
  };
  const title = (
    <Space wrap>
      <Tag color="blue">{t(`kinds.${task.kind}`, { defaultValue: task.kind })}</Tag>
      {a ? <MatterName authorization={a} /> : task.matter}
      {applicant && <Typography.Text type="secondary">{t('applicant', { id: applicant })}</Typography.Text>}
    </Space>
  );
  const label = [t(`kinds.${task.kind}`, { defaultValue: task.kind }), a ? matterName(a, i18n.language) : task.matter, applicant].filter(Boolean).join(' · ');
  const why = (actingFor === undefined ? task.reason : tAuthorizations('actingFor', { id: actingFor })) ?? (task.kind === 'final-approval' && matterRules && a ? finalApprovalRule(matterRules, (a.terms.scope as { maxAmount?: number }).maxAmount) : null);
  return (
    <article aria-label={label}>
    <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>} extra={id && <Link to={`/authorizations/${id}`}>{t('open')}</Link>}>
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('since', { at: formatInstant(task.since) })}
              {task.dueAt ? ` · ${t('due', { at: formatInstant(task.dueAt) })}` : ''}
            </Typography.Text>
            {why && <Typography.Text strong>{t('why', { reason: why })}</Typography.Text>}
            {a && (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                <ScopeText scope={(a.pendingChange as { terms?: { scope?: object } } | null)?.terms?.scope ?? a.terms.scope} /> · <ValidityText terms={(a.pendingChange as { terms?: { validFrom: string; validUntil: string } } | null)?.terms ?? a.terms} />
                <br />
                {a.reason}
              </Typography.Paragraph>
            )}
            <ProblemAlert error={act.error && !(onStale && isStale(act.error)) ? act.error : null} />
            {/* Decisions only once the terms they are on are shown (their version goes with them). */}
            {isDecision(task.kind) && a && (
              <div>
                <label htmlFor={`opinion-${id}-${task.kind}`} style={{ display: 'block', marginBottom: 4 }}>{t('opinion')}</label>
                <Input.TextArea id={`opinion-${id}-${task.kind}`} rows={2} maxLength={2000} value={opinion} status={opinionError ? 'error' : undefined} aria-describedby={opinionError ? `opinion-error-${id}` : undefined} onChange={(event) => setOpinion(event.target.value)} />
                {opinionError && <Typography.Text id={`opinion-error-${id}`} type="danger">{opinionError}</Typography.Text>}
                <Space style={{ marginTop: 8, display: 'flex' }}>
                  <Button type="primary" loading={act.isPending} onClick={() => decide(true)}>{task.kind === 'review' ? t('pass') : t('approve')}</Button>
                  <Button danger disabled={act.isPending} onClick={() => decide(false)}>{t('reject')}</Button>
                </Space>
              </div>
            )}
            {task.kind === 'notice' && a && (
              <div>
                <fieldset style={{ border: 'none', padding: 0, margin: '0 0 8px' }}>
                  <legend style={{ fontSize: 14, marginBottom: 4 }}>{t('copiesTo')}</legend>
                  <Checkbox.Group value={copies ?? defaultCopies} onChange={(value) => setCopies(value as string[])} options={copyOptions.map((department) => ({ value: department, label: departmentName(catalogue.data, department, i18n.language) }))} />
                  {namedDepartments.length === 0 && (
                    <Input
                      aria-label={t('copiesHint')}
                      placeholder={t('copiesHint')}
                      style={{ marginTop: 8, maxWidth: 360 }}
                      onPressEnter={(event) => {
                        const department = event.currentTarget.value.trim().toLowerCase();
                        if (department) setCopies([...new Set([...(copies ?? defaultCopies), department])]);
                        event.currentTarget.value = '';
                      }}
                    />
                  )}
                </fieldset>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate(() => sendNotice(id, copies, a.version))}>{t('issue')}</Button>
              </div>
            )}
            {task.kind === 'acknowledgement' && id && <Link to={`/authorizations/${id}/notice`}><Button type="primary">{t('openNotice')}</Button></Link>}
          </Space>
        </Col>
        <Col xs={24} md={10}>{applicantId && id && <ApplicantRecord employeeId={applicantId} label={applicant ?? applicantId} exceptId={id} />}</Col>
      </Row>
    </Panel>
    </article>
  );
}
