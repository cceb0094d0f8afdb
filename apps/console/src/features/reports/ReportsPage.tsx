import { Button, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordTable } from '../../components/RecordTable';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { showProblemsBeside } from '../escalations/form-problems';
import { EMPLOYEE_ID, EmployeePicker, EmployeeName, FREE_TEXT_MAX } from '../escalations/names';
import { type ReportQuery, useFileReport, useOwnReports, useReports } from './api';
import { ReportStatus } from './presentation';

export const CATEGORIES = ['out_of_scope', 'abuse', 'misconduct', 'other'] as const;
const STATUSES = ['filed', 'investigating', 'concluded', 'notified'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who reads the list of reports (GET /v1/reports); anyone files one and reads their own by its link. */
const HANDLERS = ['supervisor', 'manager', 'compliance'];

interface FileValues {
  subjectEmployeeId?: string;
  authorizationId?: string;
  category?: (typeof CATEGORIES)[number];
  description?: string;
  reporter?: { kind?: 'customer' | 'employee'; contact?: string };
}

/** 違規舉報: any employee reports a violation, on their own behalf or for a customer who called. */
function FileForm() {
  const { t } = useTranslation('reports');
  const [form] = Form.useForm<FileValues>();
  const navigate = useNavigate();
  const file = useFileReport();
  const kind = Form.useWatch(['reporter', 'kind'], form);
  const submit = (values: FileValues) =>
    file.mutate(
      {
        subjectEmployeeId: values.subjectEmployeeId!.trim(),
        ...(values.authorizationId?.trim() ? { authorizationId: values.authorizationId.trim() } : {}),
        category: values.category!,
        description: values.description!.trim(),
        reporter: { kind: values.reporter!.kind!, ...(values.reporter?.contact?.trim() ? { contact: values.reporter.contact.trim() } : {}) },
      },
      {
        onSuccess: (answer) => void navigate(`/reports/${answer.id}`),
        onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['subjectEmployeeId', 'authorizationId', 'category', 'description', 'reporter'], { UNKNOWN_EMPLOYEE: 'subjectEmployeeId', UNKNOWN_AUTHORIZATION: 'authorizationId', SEPARATION_OF_DUTIES: 'subjectEmployeeId' }),
      },
    );
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('file.title')}</h2>}>
      <ProblemAlert error={file.error} />
      <Form form={form} layout="vertical" initialValues={{ reporter: { kind: 'employee' } }} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="subjectEmployeeId" label={t('file.subject')} rules={[{ required: true, message: t('required') }, { pattern: EMPLOYEE_ID, message: t('file.subjectPattern') }]}>
          <EmployeePicker />
        </Form.Item>
        <Form.Item name="authorizationId" label={t('file.authorization')} rules={[{ pattern: UUID, message: t('file.authorizationPattern') }]}>
          <Input style={{ width: 400 }} />
        </Form.Item>
        <Form.Item name="category" label={t('file.category')} rules={[{ required: true, message: t('required') }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 280 }} options={CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('file.description')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: FREE_TEXT_MAX }]}>
          <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name={['reporter', 'kind']} label={t('file.reporter')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={[{ value: 'employee', label: t('reporterKinds.employee') }, { value: 'customer', label: t('reporterKinds.customer') }]} />
        </Form.Item>
        {kind === 'customer' && (
          <Form.Item name={['reporter', 'contact']} label={t('file.contact')} rules={[{ max: 200 }]}>
            <Input maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={file.isPending}>{t('file.submit')}</Button>
      </Form>
    </Panel>
  );
}

function ReportList() {
  const { t } = useTranslation('reports');
  const [status, setStatus] = useState<ReportQuery['status']>(undefined);
  const list = useReports(status ? { status } : {}, true);
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('list.title')}</h2>}>
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="report-status">{t('list.filter')}</label>
        <Select
          id="report-status"
          style={{ width: 200 }}
          value={status ?? ''}
          onChange={(value) => setStatus(value === '' ? undefined : (value as ReportQuery['status']))}
          options={[{ value: '', label: t('list.all') }, ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]}
        />
      </Space>
      <RecordTable
        list={list}
        empty={t('list.none')}
        columns={[
          { title: t('fields.filedAt'), key: 'filedAt', render: (_, row) => <Link to={`/reports/${row.id}`}>{formatInstant(row.filedAt)}</Link> },
          { title: t('fields.subject'), key: 'subject', render: (_, row) => <EmployeeName id={row.subjectEmployeeId} /> },
          { title: t('fields.category'), key: 'category', render: (_, row) => t(`categories.${row.category}`, { defaultValue: row.category }) },
          { title: t('fields.status'), key: 'status', render: (_, row) => <ReportStatus status={row.status} /> },
          { title: t('fields.investigator'), key: 'investigator', render: (_, row) => <EmployeeName id={row.investigatorId} /> },
          { title: t('fields.description'), dataIndex: 'description', ellipsis: true },
        ]}
      />
    </Panel>
  );
}

/** The caller's own reports (GET /v1/reports?filedBy=me): what a reporter reads of them — status, finding and the feedback. */
function OwnReportList() {
  const { t } = useTranslation('reports');
  const list = useOwnReports({});
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('own.title')}</h2>}>
      <RecordTable
        list={list}
        empty={t('own.none')}
        columns={[
          { title: t('fields.filedAt'), key: 'filedAt', render: (_, row) => <Link to={`/reports/${row.id}`}>{formatInstant(row.filedAt)}</Link> },
          { title: t('fields.subject'), key: 'subject', render: (_, row) => <EmployeeName id={row.subjectEmployeeId} /> },
          { title: t('fields.category'), key: 'category', render: (_, row) => t(`categories.${row.category}`, { defaultValue: row.category }) },
          { title: t('fields.status'), key: 'status', render: (_, row) => <ReportStatus status={row.status} /> },
          { title: t('fields.finding'), key: 'finding', render: (_, row) => (row.finding ? t(`findings.${row.finding}`) : t('detail.noFinding')) },
          { title: t('fields.feedback'), key: 'feedback', ellipsis: true, render: (_, row) => row.feedback?.message ?? t('detail.noFeedback') },
        ]}
      />
    </Panel>
  );
}

/** Violation reports (SPEC §10, §13): filing one, and for their handlers the list to investigate. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const me = useEmployee(readSession()?.employeeId);
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      <FileForm />
      <OwnReportList />
      {me.data && HANDLERS.includes(me.data.role) && <ReportList />}
    </section>
  );
}
