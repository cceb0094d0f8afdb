import { Button, Descriptions, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { showProblemsBeside } from '../escalations/form-problems';
import { EmployeeName, FREE_TEXT_MAX } from '../escalations/names';
import { isReporterView, type Report, type ReportAction, useReport, useReportCommand } from './api';
import { ReportStatus } from './presentation';

const COURSE = /^[a-z][a-z0-9_.-]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ConclusionValues {
  finding?: 'substantiated' | 'dismissed';
  summary?: string;
  actions?: { type?: ReportAction['type']; authorizationId?: string; course?: string }[];
}

function ConcludeForm({ report, command }: { readonly report: Report; readonly command: ReturnType<typeof useReportCommand> }) {
  const { t } = useTranslation('reports');
  const [form] = Form.useForm<ConclusionValues>();
  const submit = (values: ConclusionValues) => {
    const actions = (values.actions ?? []).map((action): ReportAction =>
      action.type === 'revoke' ? { type: 'revoke', authorizationId: action.authorizationId!.trim() } : action.type === 'training' ? { type: 'training', course: action.course!.trim() } : { type: 'warning' },
    );
    command.mutate(
      { kind: 'conclude', body: { finding: values.finding!, summary: values.summary!.trim(), actions } },
      { onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['finding', 'summary', 'actions'], { UNKNOWN_AUTHORIZATION: 'actions', REASON_REQUIRED: 'summary' }) },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ actions: [] }} style={{ maxWidth: 720 }}>
      <Form.Item name="finding" label={t('conclude.finding')} rules={[{ required: true, message: t('required') }]}>
        <Radio.Group options={(['substantiated', 'dismissed'] as const).map((finding) => ({ value: finding, label: t(`findings.${finding}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('conclude.summary')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: FREE_TEXT_MAX }]}>
        <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} />
      </Form.Item>
      <Form.List name="actions" rules={[{ validator: async (_, actions: unknown[] | undefined) => { if ((actions?.length ?? 0) > 20) throw new Error(t('conclude.tooMany')); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <fieldset style={{ border: 'none', padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('conclude.actions')}</legend>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'type']} label={t('conclude.actionType')} rules={[{ required: true, message: t('required') }]}>
                  <Select style={{ width: 180 }} options={(['revoke', 'warning', 'training'] as const).map((type) => ({ value: type, label: t(`actions.${type}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const type = form.getFieldValue(['actions', field.name, 'type']) as string | undefined;
                    if (type === 'revoke')
                      return (
                        <Form.Item name={[field.name, 'authorizationId']} label={t('conclude.authorizationId')} initialValue={report.authorizationId ?? undefined} rules={[{ required: true, message: t('required') }, { pattern: UUID, message: t('file.authorizationPattern') }]}>
                          <Input style={{ width: 340 }} />
                        </Form.Item>
                      );
                    if (type === 'training')
                      return (
                        <Form.Item name={[field.name, 'course']} label={t('conclude.course')} rules={[{ required: true, message: t('required') }, { pattern: COURSE, message: t('conclude.coursePattern') }]}>
                          <Input style={{ width: 240 }} />
                        </Form.Item>
                      );
                    return null;
                  }}
                </Form.Item>
                <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>{t('conclude.remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ type: 'warning' })}>{t('conclude.add')}</Button>
            <Form.ErrorList errors={errors} />
          </fieldset>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={command.isPending}>{t('conclude.submit')}</Button>
    </Form>
  );
}

function FeedbackForm({ command }: { readonly command: ReturnType<typeof useReportCommand> }) {
  const { t } = useTranslation('reports');
  const [form] = Form.useForm<{ message?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onFinish={(values) => command.mutate({ kind: 'feedback', message: values.message!.trim() }, { onError: (error) => isProblem(error) && showProblemsBeside(form, error, ['message'], { REASON_REQUIRED: 'message' }) })}
    >
      <Form.Item name="message" label={t('feedback.message')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: FREE_TEXT_MAX }]}>
        <Input.TextArea rows={3} maxLength={FREE_TEXT_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={command.isPending}>{t('feedback.submit')}</Button>
    </Form>
  );
}

function ActionText({ action }: { readonly action: ReportAction }) {
  const { t } = useTranslation('reports');
  if (action.type === 'revoke' && action.authorizationId) return <>{t('actions.revoke')}: <Link to={`/authorizations/${action.authorizationId}`}>{t('fields.theAuthorization')}</Link></>;
  if (action.type === 'training') return <>{t('actions.training')}: {action.course}</>;
  return <>{t(`actions.${action.type}`, { defaultValue: action.type })}</>;
}

/** The handler's view: the report, and the next step of its investigation for whoever the policy lets take it. */
function HandlerView({ report }: { readonly report: Report }) {
  const { t } = useTranslation('reports');
  const me = useEmployee(readSession()?.employeeId);
  const subject = useEmployee(report.subjectEmployeeId);
  const command = useReportCommand(report.id);
  const myId = me.data?.employeeId;
  const mayInvestigate = report.status === 'filed' && myId !== undefined && myId !== report.subjectEmployeeId && (me.data?.role === 'manager' || subject.data?.reportsTo === myId);
  const investigating = myId !== undefined && report.investigatorId === myId;
  return (
    <>
      <Panel title={<Space><h2 style={{ margin: 0, fontSize: 18 }}>{t('detail.report')}</h2><ReportStatus status={report.status} /></Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'subject', label: t('fields.subject'), children: <EmployeeName id={report.subjectEmployeeId} /> },
          { key: 'category', label: t('fields.category'), children: t(`categories.${report.category}`, { defaultValue: report.category }) },
          { key: 'filedAt', label: t('fields.filedAt'), children: formatInstant(report.filedAt) },
          { key: 'reporter', label: t('fields.reporter'), children: <>{t(`reporterKinds.${report.reporter.kind}`, { defaultValue: report.reporter.kind })}{report.reporter.employeeId ? <> · <EmployeeName id={report.reporter.employeeId} /></> : null}{report.reporter.contact ? ` · ${report.reporter.contact}` : ''}</> },
          { key: 'authorization', label: t('fields.authorization'), children: report.authorizationId ? <Link to={`/authorizations/${report.authorizationId}`}>{t('fields.theAuthorization')}</Link> : '—' },
          { key: 'investigator', label: t('fields.investigator'), children: <EmployeeName id={report.investigatorId} /> },
          { key: 'description', label: t('fields.description'), span: 2, children: report.description },
          ...(report.conclusion
            ? [
                { key: 'finding', label: t('fields.finding'), children: t(`findings.${report.conclusion.finding}`) },
                { key: 'summary', label: t('fields.summary'), children: report.conclusion.summary },
                { key: 'actions', label: t('fields.actions'), span: 2, children: report.conclusion.actions.length === 0 ? '—' : <ul style={{ margin: 0, paddingInlineStart: 16 }}>{report.conclusion.actions.map((action, index) => <li key={index}><ActionText action={action} /></li>)}</ul> },
              ]
            : []),
          ...(report.feedback ? [{ key: 'feedback', label: t('fields.feedback'), span: 2, children: report.feedback.message }] : []),
        ]} />
      </Panel>
      <ProblemAlert error={command.error} />
      {mayInvestigate && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('investigate.title')}</h2>}>
          <Typography.Paragraph>{t('investigate.hint')}</Typography.Paragraph>
          <Button type="primary" loading={command.isPending} onClick={() => command.mutate({ kind: 'investigate' })}>{t('investigate.submit')}</Button>
        </Panel>
      )}
      {investigating && report.status === 'investigating' && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('conclude.title')}</h2>}>
          <ConcludeForm report={report} command={command} />
        </Panel>
      )}
      {investigating && report.status === 'concluded' && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('feedback.title')}</h2>}>
          <FeedbackForm command={command} />
        </Panel>
      )}
    </>
  );
}

/** One violation report: its handlers investigate, conclude and feed back; its reporter reads the result. */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const report = useReport(id);
  const data = report.data;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('detail.title')}</Typography.Title>
      <Typography.Paragraph><Link to="/reports">{t('detail.back')}</Link></Typography.Paragraph>
      <ProblemAlert error={report.error} />
      {data && isReporterView(data) && (
        <Panel title={<Space><h2 style={{ margin: 0, fontSize: 18 }}>{t('detail.mine')}</h2><ReportStatus status={data.status} /></Space>}>
          <Descriptions size="small" column={1} items={[
            { key: 'subject', label: t('fields.subject'), children: <EmployeeName id={data.subjectEmployeeId} /> },
            { key: 'category', label: t('fields.category'), children: t(`categories.${data.category}`, { defaultValue: data.category }) },
            { key: 'filedAt', label: t('fields.filedAt'), children: formatInstant(data.filedAt) },
            { key: 'finding', label: t('fields.finding'), children: data.finding ? t(`findings.${data.finding}`) : t('detail.noFinding') },
            { key: 'feedback', label: t('fields.feedback'), children: data.feedback?.message ?? t('detail.noFeedback') },
          ]} />
        </Panel>
      )}
      {data && !isReporterView(data) && <HandlerView report={data as Report} />}
    </section>
  );
}
