import { Button, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { LoadMore } from '../../components/LoadMore';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatAmount, formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { useCatalogue } from '../catalogue/api';
import { type Escalation, type EscalationQuery, useEscalations, useRaiseEscalation, useResolveEscalation } from './api';
import { showProblemsBeside } from './form-problems';
import { AuthorityName, EmployeeName, FREE_TEXT_MAX } from './names';

const CHANNELS = ['phone', 'chat', 'email'] as const;

interface RaiseValues {
  authority?: string;
  context?: { amount?: number | null; channel?: (typeof CHANNELS)[number] };
  summary?: string;
}

/** Hands an out-of-scope problem to one's superior (any employee, about themself). */
function RaiseForm() {
  const { t, i18n } = useTranslation('escalations');
  const [form] = Form.useForm<RaiseValues>();
  const catalogue = useCatalogue();
  const raise = useRaiseEscalation();
  const submit = (values: RaiseValues) => {
    const amount = values.context?.amount;
    const channel = values.context?.channel;
    const context = { ...(typeof amount === 'number' ? { amount } : {}), ...(channel ? { channel } : {}) };
    raise.mutate(
      { authority: values.authority!, summary: values.summary!.trim(), ...(Object.keys(context).length > 0 ? { context } : {}) },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['authority', 'summary', 'context'], { UNKNOWN_AUTHORITY: 'authority', REASON_REQUIRED: 'summary' }),
      },
    );
  };
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('raise.title')}</h2>}>
      <ProblemAlert error={raise.error} />
      {raise.isSuccess && <Typography.Paragraph role="status">{t('raise.done')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="authority" label={t('raise.authority')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={catalogue.isLoading}
            options={(catalogue.data?.authorities ?? []).map((authority) => ({ value: authority.id, label: i18n.language === 'zh-Hant' ? authority.names['zh-Hant'] : authority.names.en }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name={['context', 'amount']} label={t('raise.amount')} rules={[{ type: 'integer', min: 0, max: 100_000_000, message: t('raise.amountRange') }]}>
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['context', 'channel']} label={t('raise.channel')}>
            <Select allowClear style={{ width: 200 }} options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t('raise.summary')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: FREE_TEXT_MAX }]}>
          <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={raise.isPending}>{t('raise.submit')}</Button>
      </Form>
    </Panel>
  );
}

/** The answer of the superior it was raised to, or of a manager; the server refuses anyone else (and the raiser). */
function ResolveForm({ escalation }: { readonly escalation: Escalation }) {
  const { t } = useTranslation('escalations');
  const [form] = Form.useForm<{ resolution?: string }>();
  const resolve = useResolveEscalation();
  return (
    <div>
      <ProblemAlert error={resolve.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          resolve.mutate({ id: escalation.id, resolution: values.resolution!.trim() }, { onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['resolution'], { REASON_REQUIRED: 'resolution', INVALID_TRANSITION: 'resolution' }) })
        }
      >
        <Form.Item name="resolution" label={t('resolve.label')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: FREE_TEXT_MAX }]}>
          <Input.TextArea rows={2} maxLength={FREE_TEXT_MAX} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={resolve.isPending}>{t('resolve.submit')}</Button>
      </Form>
    </div>
  );
}

function ContextText({ context }: { readonly context: Escalation['context'] }) {
  const { t } = useTranslation('escalations');
  const parts = [context?.amount !== undefined ? formatAmount(context.amount) : null, context?.channel ? t(`channels.${context.channel}`, { defaultValue: context.channel }) : null].filter(Boolean);
  return <>{parts.length > 0 ? parts.join(' · ') : '—'}</>;
}

function EscalationCard({ escalation, me }: { readonly escalation: Escalation; readonly me: { readonly employeeId: string; readonly role: string } | undefined }) {
  const { t } = useTranslation('escalations');
  const mayAnswer = me !== undefined && escalation.status === 'open' && escalation.employeeId !== me.employeeId && (escalation.superiorId === me.employeeId || me.role === 'manager');
  return (
    <article aria-label={escalation.summary}>
      <Panel
        title={
          <Space wrap>
            <h2 style={{ margin: 0, fontSize: 16 }}><AuthorityName id={escalation.authority} /></h2>
            <Tag color={escalation.status === 'open' ? 'gold' : 'green'} style={{ color: '#1f1f1f' }}>{t(`status.${escalation.status}`)}</Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'by', label: t('fields.raisedBy'), children: <EmployeeName id={escalation.employeeId} /> },
          { key: 'to', label: t('fields.superior'), children: <EmployeeName id={escalation.superiorId} /> },
          { key: 'at', label: t('fields.raisedAt'), children: formatInstant(escalation.raisedAt) },
          { key: 'context', label: t('fields.context'), children: <ContextText context={escalation.context} /> },
          { key: 'summary', label: t('fields.summary'), span: 2, children: escalation.summary },
          ...(escalation.resolution
            ? [
                { key: 'resolution', label: t('fields.resolution'), span: 2, children: escalation.resolution.resolution },
                { key: 'resolvedBy', label: t('fields.resolvedBy'), children: <EmployeeName id={escalation.resolution.resolvedBy} /> },
                { key: 'resolvedAt', label: t('fields.resolvedAt'), children: formatInstant(escalation.resolution.resolvedAt) },
              ]
            : []),
        ]} />
        {mayAnswer && <ResolveForm escalation={escalation} />}
      </Panel>
    </article>
  );
}

/** Escalations (SPEC §11, §13): raising one's own, answering those raised to me (a manager: any), reading the answers. */
export function EscalationsPage() {
  const { t } = useTranslation('escalations');
  const me = useEmployee(readSession()?.employeeId);
  const [status, setStatus] = useState<EscalationQuery['status']>(undefined);
  const list = useEscalations(status ? { status } : {});
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      {me.data?.role !== 'compliance' && <RaiseForm />}
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="escalation-status">{t('filter')}</label>
        <Select
          id="escalation-status"
          style={{ width: 200 }}
          value={status ?? ''}
          onChange={(value) => setStatus(value === '' ? undefined : (value as EscalationQuery['status']))}
          options={[{ value: '', label: t('all') }, { value: 'open', label: t('status.open') }, { value: 'resolved', label: t('status.resolved') }]}
        />
      </Space>
      <ProblemAlert error={list.error} />
      {!list.isLoading && !list.error && list.items.length === 0 && <EmptyText>{t('none')}</EmptyText>}
      {list.items.map((escalation) => <EscalationCard key={escalation.id} escalation={escalation} me={me.data} />)}
      <LoadMore list={list} />
    </section>
  );
}
