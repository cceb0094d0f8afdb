import { Button, Form, type FormInstance, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordInspectionDto } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordTable } from '../../components/RecordTable';
import { formatAmount, formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { showProblemsBeside } from '../escalations/form-problems';
import { AuthorityName, EMPLOYEE_ID, EmployeeName, EmployeePicker, FREE_TEXT_MAX, PERIOD } from '../escalations/names';
import { type InspectionQuery, type SampledDecision, useInspections, useRecordInspection, useSample } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who draws a spot-check sample and records inspections (superiors and managers). */
const INSPECTORS = ['supervisor', 'manager'];

interface RecordValues {
  employeeId?: string;
  kind?: 'periodic' | 'spot';
  period?: string;
  findings?: string;
  compliant?: boolean;
  authorizationIds?: string[];
}

function Sample({ onInspect }: { readonly onInspect: (decision: SampledDecision) => void }) {
  const { t } = useTranslation('inspections');
  const [size, setSize] = useState(10);
  const [draw, setDraw] = useState(0);
  const sample = useSample(size, draw);
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('sample.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('sample.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="sample-size">{t('sample.size')}</label>
        <InputNumber id="sample-size" min={1} max={100} precision={0} value={size} onChange={(value) => setSize(typeof value === 'number' && value >= 1 && value <= 100 ? value : 10)} />
        <Button type="primary" loading={sample.isFetching} onClick={() => setDraw((count) => count + 1)}>{t('sample.draw')}</Button>
      </Space>
      <ProblemAlert error={sample.error} />
      {draw > 0 && (
        <Table
          rowKey="id"
          loading={sample.isLoading}
          dataSource={sample.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('sample.none')}</EmptyText> }}
          columns={[
            { title: t('fields.decidedAt'), key: 'at', render: (_, row) => formatInstant(row.decidedAt) },
            { title: t('fields.employee'), key: 'employee', render: (_, row) => <EmployeeName id={row.employeeId} /> },
            { title: t('fields.authority'), key: 'authority', render: (_, row) => <AuthorityName id={row.authority} /> },
            { title: t('fields.context'), key: 'context', render: (_, row) => [row.context?.amount !== undefined ? formatAmount(row.context.amount) : null, row.context?.channel ? t(`channels.${row.context.channel}`, { defaultValue: row.context.channel }) : null].filter(Boolean).join(' · ') || '—' },
            { title: t('fields.answer'), key: 'allowed', render: (_, row) => <Tag style={{ color: '#1f1f1f' }} color={row.allowed ? 'green' : 'red'}>{row.allowed ? t('allowed') : t('denied')} · {t(`reasons.${row.reason}`, { defaultValue: row.reason })}</Tag> },
            { title: t('fields.inspect'), key: 'inspect', render: (_, row) => <Button onClick={() => onInspect(row)} aria-label={t('sample.inspectOne', { at: formatInstant(row.decidedAt) })}>{t('sample.inspect')}</Button> },
          ]}
        />
      )}
    </Panel>
  );
}

function RecordForm({ form }: { readonly form: FormInstance<RecordValues> }) {
  const { t } = useTranslation('inspections');
  const record = useRecordInspection();
  const kind = Form.useWatch('kind', form);
  const submit = (values: RecordValues) =>
    record.mutate(
      {
        employeeId: values.employeeId!.trim(),
        kind: values.kind!,
        ...(values.period?.trim() ? { period: values.period.trim() } : {}),
        findings: (values.findings ?? '').trim(),
        compliant: values.compliant!,
        ...(values.authorizationIds && values.authorizationIds.length > 0 ? { authorizationIds: values.authorizationIds } : {}),
        // The schema's oneOf (a periodic inspection names its period) is checked by the form's rules and by the server.
      } as RecordInspectionDto,
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['employeeId', 'kind', 'period', 'findings', 'compliant', 'authorizationIds'], { UNKNOWN_EMPLOYEE: 'employeeId', NOT_SUPERIOR_OR_MANAGER: 'employeeId', SEPARATION_OF_DUTIES: 'employeeId', PERIOD_INVALID: 'period' }),
      },
    );
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('record.title')}</h2>}>
      <ProblemAlert error={record.error} />
      {record.isSuccess && <Typography.Paragraph role="status">{t('record.done')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ kind: 'spot' }} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="employeeId" label={t('record.employee')} rules={[{ required: true, message: t('required') }, { pattern: EMPLOYEE_ID, message: t('record.employeePattern') }]}>
          <EmployeePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('record.kind')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={(['spot', 'periodic'] as const).map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={kind === 'periodic' ? t('record.period') : t('record.periodOptional')} rules={[{ required: kind === 'periodic', message: t('record.periodRequired') }, { pattern: PERIOD, message: t('record.periodPattern') }]}>
          <Input style={{ width: 160 }} placeholder="2026-11" />
        </Form.Item>
        <Form.Item name="findings" label={t('record.findings')} rules={[{ max: FREE_TEXT_MAX }]}>
          <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="compliant" label={t('record.compliant')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={[{ value: true, label: t('compliant.true') }, { value: false, label: t('compliant.false') }]} />
        </Form.Item>
        <Form.Item
          name="authorizationIds"
          label={t('record.authorizations')}
          rules={[{ validator: async (_, ids: string[] | undefined) => { if ((ids ?? []).some((id) => !UUID.test(id))) throw new Error(t('record.authorizationsPattern')); if ((ids ?? []).length > 100) throw new Error(t('record.authorizationsTooMany')); } }]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>{t('record.submit')}</Button>
      </Form>
    </Panel>
  );
}

function InspectionList() {
  const { t } = useTranslation('inspections');
  const [query, setQuery] = useState<InspectionQuery>({});
  const list = useInspections(query);
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('list.title')}</h2>}>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values: { employeeId?: string; period?: string; compliant?: string }) =>
          setQuery({ ...(values.employeeId?.trim() ? { employeeId: values.employeeId.trim() } : {}), ...(values.period?.trim() ? { period: values.period.trim() } : {}), ...(values.compliant ? { compliant: values.compliant as 'true' | 'false' } : {}) })
        }
      >
        <Form.Item name="employeeId" label={t('list.employee')} rules={[{ pattern: EMPLOYEE_ID, message: t('record.employeePattern') }]}><Input style={{ width: 120 }} /></Form.Item>
        <Form.Item name="period" label={t('list.period')} rules={[{ pattern: PERIOD, message: t('record.periodPattern') }]}><Input style={{ width: 110 }} /></Form.Item>
        <Form.Item name="compliant" label={t('list.compliant')}>
          <Select style={{ width: 140 }} allowClear options={[{ value: 'true', label: t('compliant.true') }, { value: 'false', label: t('compliant.false') }]} />
        </Form.Item>
        <Button htmlType="submit">{t('list.show')}</Button>
      </Form>
      <RecordTable
        list={list}
        empty={t('list.none')}
        columns={[
          { title: t('fields.recordedAt'), key: 'at', render: (_, row) => formatInstant(row.recordedAt) },
          { title: t('fields.employee'), key: 'employee', render: (_, row) => <EmployeeName id={row.employeeId} /> },
          { title: t('fields.inspector'), key: 'inspector', render: (_, row) => <EmployeeName id={row.inspectorId} /> },
          { title: t('fields.kind'), key: 'kind', render: (_, row) => `${t(`kinds.${row.kind}`, { defaultValue: row.kind })}${row.period ? ` · ${row.period}` : ''}` },
          { title: t('fields.compliant'), key: 'compliant', render: (_, row) => <Tag style={{ color: '#1f1f1f' }} color={row.compliant ? 'green' : 'red'}>{t(`compliant.${String(row.compliant)}`)}</Tag> },
          { title: t('fields.findings'), key: 'findings', render: (_, row) => row.findings || '—' },
        ]}
      />
    </Panel>
  );
}

/** Inspections (SPEC §10, §13): a superior or manager draws a spot-check sample and records what was found; everyone reads those they may. */
export function InspectionsPage() {
  const { t } = useTranslation('inspections');
  const me = useEmployee(readSession()?.employeeId);
  const [form] = Form.useForm<RecordValues>();
  const inspector = me.data !== undefined && INSPECTORS.includes(me.data.role);
  const inspect = (decision: SampledDecision) => {
    form.resetFields();
    form.setFieldsValue({ employeeId: decision.employeeId, kind: 'spot', ...(decision.grantId ? { authorizationIds: [decision.grantId] } : {}) });
    document.getElementById('inspection-record')?.scrollIntoView({ behavior: 'smooth' });
  };
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      {inspector && <Sample onInspect={inspect} />}
      {inspector && <div id="inspection-record"><RecordForm form={form} /></div>}
      <InspectionList />
    </section>
  );
}
