import { Button, DatePicker, Form, Input, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { LoadMore } from '../../components/LoadMore';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import '../../lib/dayjs-locale';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { ToneTag } from '../access-reviews/ToneTag';
import { PersonPicker, useNames } from '../stand-ins/people';
import { type Meeting, useCompleteAction, useMeetings, useRecordMeeting } from './api';

const KINDS = ['manager-supervisors', 'supervisor-team', 'cross-department'] as const;
type Kind = (typeof KINDS)[number];

interface ActionValues {
  readonly owner: string;
  readonly text: string;
  readonly dueAt: Dayjs;
}

interface MeetingValues {
  readonly kind: Kind;
  readonly team?: string;
  readonly heldAt: Dayjs;
  readonly attendees: string[];
  readonly minutes: string;
  readonly actions?: ActionValues[];
}

const FIELDS = ['kind', 'team', 'heldAt', 'attendees', 'minutes', 'actions'];

/** Communication meetings (溝通會議): the ones I may read with attendees, minutes and action items; supervisors and managers record one. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const me = useEmployee(readSession()?.employeeId);
  const list = useMeetings();
  const meetings = list.items;
  const records = me.data?.role === 'manager' || me.data?.role === 'supervisor';
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      {records && <RecordForm />}
      <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('list')}</h2>}>
        <ProblemAlert error={list.error} />
        {list.isLoading ? <Spin /> : meetings.length === 0 ? <EmptyText>{t('none')}</EmptyText> : meetings.map((meeting) => <MeetingEntry key={meeting.id} meeting={meeting} me={me.data?.employeeId} />)}
        <LoadMore list={list} />
      </Panel>
    </section>
  );
}

function MeetingEntry({ meeting, me }: { readonly meeting: Meeting; readonly me: string | undefined }) {
  const { t } = useTranslation('meetings');
  const complete = useCompleteAction();
  const name = useNames([...meeting.attendees, meeting.recordedBy, ...meeting.actions.flatMap((action) => [action.owner, ...(action.completedBy ? [action.completedBy] : [])])]);
  const heading = `${t(`kinds.${meeting.kind}`, { defaultValue: meeting.kind })} · ${formatInstant(meeting.heldAt)}`;
  return (
    <article aria-label={heading} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>{heading}</h3>
      <Typography.Text type="secondary">
        {meeting.team ? `${t('team')} ${meeting.team} · ` : ''}
        {t('recordedBy', { name: name(meeting.recordedBy) })}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
        <strong>{t('attendeesLabel')}</strong>
        {meeting.attendees.map(name).join('、')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        <strong>{t('minutesLabel')}</strong>
        {meeting.minutes}
      </Typography.Paragraph>
      <ProblemAlert error={complete.error} />
      {meeting.actions.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('actions')}>
          {meeting.actions.map((action) => (
            <li key={action.n} style={{ marginBottom: 4 }}>
              <Space wrap>
                <span>{action.text}</span>
                <Typography.Text type="secondary">{t('owner', { name: name(action.owner), at: formatInstant(action.dueAt) })}</Typography.Text>
                {action.completedAt ? (
                  <ToneTag tone="good">{t('done', { name: name(action.completedBy ?? ''), at: formatInstant(action.completedAt) })}</ToneTag>
                ) : me !== undefined && (me === action.owner || me === meeting.recordedBy) ? (
                  <Button size="small" loading={complete.isPending && complete.variables?.n === action.n} onClick={() => complete.mutate({ id: meeting.id, n: action.n })}>{t('complete')}</Button>
                ) : (
                  <ToneTag tone="neutral">{t('open')}</ToneTag>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function RecordForm() {
  const { t } = useTranslation('meetings');
  const record = useRecordMeeting();
  const [form] = Form.useForm<MeetingValues>();
  const submit = (values: MeetingValues) =>
    record.mutate(
      {
        kind: values.kind,
        ...(values.team?.trim() ? { team: values.team.trim() } : {}),
        heldAt: values.heldAt.toISOString(),
        attendees: values.attendees,
        minutes: values.minutes.trim(),
        actions: (values.actions ?? []).map((action) => ({ owner: action.owner, text: action.text.trim(), dueAt: action.dueAt.toISOString() })),
      },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => {
          if (!isProblem(error)) return;
          const fields = Object.entries(error.fieldErrors()).filter(([name]) => FIELDS.includes(name));
          form.setFields(fields.map(([name, message]) => ({ name: name as keyof MeetingValues, errors: [message] })));
        },
      },
    );
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('record')}</h2>}>
      <ProblemAlert error={record.error} />
      <Form<MeetingValues> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'supervisor-team', heldAt: dayjs().startOf('hour'), attendees: [] }} style={{ maxWidth: 720 }}>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="team" label={t('team')} extra={t('teamHint')} rules={[{ max: 64 }]}>
          <Input maxLength={64} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item name="heldAt" label={t('heldAt')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="attendees" label={t('attendees')} rules={[{ required: true, type: 'array', min: 1, message: t('attendeesRequired') }]}>
          <PersonPicker multiple />
        </Form.Item>
        <Form.Item name="minutes" label={t('minutes')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 'none', padding: 0, margin: '0 0 16px' }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('actions')}</legend>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'owner']} label={t('actionOwner', { n: index + 1 })} rules={[{ required: true, message: t('required') }]} style={{ minWidth: 240 }}>
                    <PersonPicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} label={t('actionText', { n: index + 1 })} rules={[{ required: true, whitespace: true, message: t('required') }]}>
                    <Input maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueAt']} label={t('actionDue', { n: index + 1 })} rules={[{ required: true, message: t('required') }]}>
                    <DatePicker showTime />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }}>{t('removeAction', { n: index + 1 })}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ dueAt: dayjs().add(7, 'day').startOf('hour') })}>{t('addAction')}</Button>
            </fieldset>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={record.isPending}>{t('submit')}</Button>
      </Form>
    </Panel>
  );
}
