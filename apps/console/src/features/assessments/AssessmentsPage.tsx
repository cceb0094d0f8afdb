import { Button, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordAssessmentDto } from '../../api/generated/types.gen';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordTable } from '../../components/RecordTable';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { showProblemsBeside } from '../escalations/form-problems';
import { EMPLOYEE_ID, EmployeePicker, EmployeeName, FREE_TEXT_MAX, PERIOD } from '../escalations/names';
import { type AssessmentQuery, useAssessments, useRecordAssessment } from './api';

const RESULTS = ['excellent', 'satisfactory', 'needs_improvement', 'unsatisfactory'] as const;
const CONSEQUENCES = ['commendation', 'promotion', 'raise', 'warning', 'fine', 'demotion', 'dismissal', 'training'] as const;

type RecordValues = Partial<Omit<RecordAssessmentDto, 'consequences'>> & { consequences?: RecordAssessmentDto['consequences'] };

/** 考核: a manager records one assessment per employee and period; its warning and training consequences act. */
function RecordForm() {
  const { t } = useTranslation('assessments');
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordAssessment();
  const submit = (values: RecordValues) =>
    record.mutate(
      { employeeId: values.employeeId!.trim(), period: values.period!.trim(), teamworkScore: values.teamworkScore!, result: values.result!, consequences: values.consequences ?? [], notes: (values.notes ?? '').trim() },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) =>
          isProblem(error) &&
          showProblemsBeside(form, error, ['employeeId', 'period', 'teamworkScore', 'result', 'consequences', 'notes'], { UNKNOWN_EMPLOYEE: 'employeeId', SEPARATION_OF_DUTIES: 'employeeId', EMPLOYEE_LEFT: 'employeeId', ALREADY_EXISTS: 'period', PERIOD_INVALID: 'period', SCORE_INVALID: 'teamworkScore' }),
      },
    );
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('record.title')}</h2>}>
      <ProblemAlert error={record.error} />
      {record.isSuccess && <Typography.Paragraph role="status">{t('record.done')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ consequences: [] }} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="employeeId" label={t('record.employee')} rules={[{ required: true, message: t('required') }, { pattern: EMPLOYEE_ID, message: t('record.employeePattern') }]}>
          <EmployeePicker />
        </Form.Item>
        <Form.Item name="period" label={t('record.period')} rules={[{ required: true, message: t('required') }, { pattern: PERIOD, message: t('record.periodPattern') }]}>
          <Input style={{ width: 160 }} placeholder="2026-Q4" />
        </Form.Item>
        <Form.Item name="teamworkScore" label={t('record.teamwork')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={[1, 2, 3, 4, 5].map((score) => ({ value: score, label: String(score) }))} />
        </Form.Item>
        <Form.Item name="result" label={t('record.result')} rules={[{ required: true, message: t('required') }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={RESULTS.map((result) => ({ value: result, label: t(`results.${result}`) }))} />
        </Form.Item>
        <Form.Item name="consequences" label={t('record.consequences')} extra={t('record.consequencesHint')}>
          <Checkbox.Group options={CONSEQUENCES.map((consequence) => ({ value: consequence, label: t(`consequences.${consequence}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('record.notes')} rules={[{ max: FREE_TEXT_MAX }]}>
          <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>{t('record.submit')}</Button>
      </Form>
    </Panel>
  );
}

function AssessmentList() {
  const { t } = useTranslation('assessments');
  const [query, setQuery] = useState<AssessmentQuery>({});
  const list = useAssessments(query);
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('list.title')}</h2>}>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values: { employeeId?: string; period?: string }) => setQuery({ ...(values.employeeId?.trim() ? { employeeId: values.employeeId.trim() } : {}), ...(values.period?.trim() ? { period: values.period.trim() } : {}) })}
      >
        <Form.Item name="employeeId" label={t('list.employee')} rules={[{ pattern: EMPLOYEE_ID, message: t('record.employeePattern') }]}><Input style={{ width: 120 }} /></Form.Item>
        <Form.Item name="period" label={t('list.period')} rules={[{ pattern: PERIOD, message: t('record.periodPattern') }]}><Input style={{ width: 110 }} /></Form.Item>
        <Button htmlType="submit">{t('list.show')}</Button>
      </Form>
      <RecordTable
        list={list}
        empty={t('list.none')}
        columns={[
          { title: t('fields.employee'), key: 'employee', render: (_, row) => <EmployeeName id={row.employeeId} /> },
          { title: t('fields.period'), dataIndex: 'period' },
          { title: t('fields.result'), key: 'result', render: (_, row) => t(`results.${row.result}`, { defaultValue: row.result }) },
          { title: t('fields.teamwork'), key: 'teamwork', render: (_, row) => row.teamworkScore ?? '—' },
          { title: t('fields.consequences'), key: 'consequences', render: (_, row) => (row.consequences ?? []).map((consequence) => t(`consequences.${consequence}`, { defaultValue: consequence })).join('、') || '—' },
          { title: t('fields.notes'), key: 'notes', render: (_, row) => row.notes || '—' },
          { title: t('fields.assessor'), key: 'assessor', render: (_, row) => <EmployeeName id={row.assessorId} /> },
          { title: t('fields.recordedAt'), key: 'at', render: (_, row) => formatInstant(row.recordedAt) },
        ]}
      />
    </Panel>
  );
}

/** Assessments (SPEC §10, §13): a manager records them; everyone reads those the API lets them (their own, their team's, all). */
export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const me = useEmployee(readSession()?.employeeId);
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      {me.data?.role === 'manager' && <RecordForm />}
      <AssessmentList />
    </section>
  );
}
