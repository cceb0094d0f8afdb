import { Button, DatePicker, Form, Input, Popconfirm, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import '../../lib/dayjs-locale';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { useStandInCommands } from './api';
import { mayStandIn } from './eligibility';
import { EmployeeName, PersonPicker } from './people';

interface StandInValues {
  readonly standInId: string;
  readonly from: Dayjs;
  readonly until: Dayjs;
  readonly reason?: string;
}

/** My stand-ins (代理人): who takes my review, approval, final-approval and notice tasks, and when. */
export function StandInsPage() {
  const { t } = useTranslation('standIns');
  const me = readSession()?.employeeId ?? '';
  const entry = useEmployee(me || undefined);
  const { appoint, end } = useStandInCommands(me);
  const [form] = Form.useForm<StandInValues>();
  const role = entry.data?.role ?? '';
  const standIns = entry.data?.standIns ?? [];

  const submit = (values: StandInValues) =>
    appoint.mutate(
      { standInId: values.standInId, from: values.from.toISOString(), until: values.until.toISOString(), ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}) },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => {
          if (isProblem(error)) form.setFields(Object.entries(error.fieldErrors()).filter(([name]) => ['standInId', 'from', 'until', 'reason'].includes(name)).map(([name, message]) => ({ name: name as keyof StandInValues, errors: [message] })));
        },
      },
    );

  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('current')}</h2>}>
        <ProblemAlert error={entry.error ?? end.error} />
        <Table
          rowKey="standInId"
          loading={entry.isLoading}
          dataSource={standIns}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          columns={[
            { title: t('standIn'), key: 'standIn', render: (_, row) => <EmployeeName id={row.standInId} /> },
            { title: t('from'), key: 'from', render: (_, row) => formatInstant(row.from) },
            { title: t('until'), key: 'until', render: (_, row) => formatInstant(row.until) },
            { title: t('reason'), key: 'reason', render: (_, row) => row.reason ?? '—' },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, row) => (
                <Popconfirm title={t('endConfirm')} okText={t('end')} cancelText={t('cancel')} onConfirm={() => end.mutate(row.standInId)}>
                  <Button danger loading={end.isPending && end.variables === row.standInId}>{t('end')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Panel>
      <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('appoint')}</h2>}>
        <ProblemAlert error={appoint.error} />
        <Form<StandInValues> form={form} layout="vertical" onFinish={submit} initialValues={{ from: dayjs().startOf('minute') }} style={{ maxWidth: 560 }}>
          <Form.Item name="standInId" label={t('standIn')} extra={t('eligibleHint')} rules={[{ required: true, message: t('required') }]}>
            <PersonPicker exclude={[me]} eligible={(person) => role !== '' && mayStandIn(role, person.role)} />
          </Form.Item>
          <Form.Item name="from" label={t('from')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item
            name="until"
            label={t('until')}
            dependencies={['from']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | undefined) => {
                  const from = getFieldValue('from') as Dayjs | undefined;
                  if (value && from && !value.isAfter(from)) throw new Error(t('untilAfterFrom'));
                  if (value && !value.isAfter(dayjs())) throw new Error(t('untilFuture'));
                },
              }),
            ]}
          >
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')} rules={[{ max: 2000 }]}>
            <Input maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={appoint.isPending}>{t('submit')}</Button>
        </Form>
      </Panel>
    </section>
  );
}
