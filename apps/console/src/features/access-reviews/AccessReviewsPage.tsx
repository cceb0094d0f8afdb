import { Button, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordTable } from '../../components/RecordTable';
import '../../lib/dayjs-locale';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { matterName, useCatalogue } from '../catalogue/api';
import { EmployeeName } from '../stand-ins/people';
import { useAccessReviews, useStartAccessReview } from './api';
import { ReviewProgress } from './ReviewProgress';
import { ToneTag } from './ToneTag';

interface StartValues {
  readonly title: string;
  readonly team?: string;
  readonly matters?: string[];
  readonly dueAt: Dayjs;
  readonly defaultDecision: 'keep' | 'revoke';
}

const FIELDS = ['title', 'team', 'matters', 'dueAt', 'defaultDecision'];

/** Periodic access reviews (定期檢查授權執行情況): the campaigns I may read, with progress; a manager starts one. */
export function AccessReviewsPage() {
  const { t } = useTranslation('accessReviews');
  const me = useEmployee(readSession()?.employeeId);
  const list = useAccessReviews();
  const navigate = useNavigate();
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <RecordTable
        list={list}
        empty={t('none')}
        columns={[
          { title: t('columns.title'), key: 'title', render: (_, row) => <Link to={`/access-reviews/${row.id}`}>{row.title}</Link> },
          { title: t('columns.team'), key: 'team', render: (_, row) => row.team ?? t('allTeams') },
          { title: t('columns.status'), key: 'status', render: (_, row) => <ToneTag tone={row.status === 'open' ? (row.overdue ? 'warn' : 'info') : 'neutral'}>{row.status === 'open' && row.overdue ? t('overdue') : t(`status.${row.status}`)}</ToneTag> },
          { title: t('columns.progress'), key: 'progress', render: (_, row) => <ReviewProgress progress={row.progress} label={row.title} /> },
          { title: t('columns.dueAt'), key: 'dueAt', render: (_, row) => formatInstant(row.dueAt) },
          { title: t('columns.startedBy'), key: 'startedBy', render: (_, row) => <EmployeeName id={row.startedBy} /> },
        ]}
      />
      {me.data?.role === 'manager' && <StartForm onStarted={(id) => navigate(`/access-reviews/${id}`)} />}
    </section>
  );
}

function StartForm({ onStarted }: { readonly onStarted: (id: string) => void }) {
  const { t, i18n } = useTranslation('accessReviews');
  const catalogue = useCatalogue();
  const start = useStartAccessReview();
  const [form] = Form.useForm<StartValues>();
  const submit = (values: StartValues) =>
    start.mutate(
      {
        title: values.title.trim(),
        ...(values.team?.trim() ? { team: values.team.trim() } : {}),
        ...(values.matters && values.matters.length > 0 ? { matters: values.matters } : {}),
        dueAt: values.dueAt.toISOString(),
        defaultDecision: values.defaultDecision,
      },
      {
        onSuccess: (review) => onStarted(review.id),
        onError: (error) => {
          if (!isProblem(error)) return;
          const fields = Object.entries(error.fieldErrors()).filter(([name]) => FIELDS.includes(name));
          form.setFields(fields.map(([name, message]) => ({ name: name as keyof StartValues, errors: [message] })));
        },
      },
    );
  return (
    <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('start')}</h2>}>
      <ProblemAlert error={start.error} />
      <Form<StartValues> form={form} layout="vertical" onFinish={submit} initialValues={{ defaultDecision: 'revoke', dueAt: dayjs().add(14, 'day').startOf('hour') }} style={{ maxWidth: 560 }}>
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="team" label={t('form.team')} extra={t('form.teamHint')} rules={[{ max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="matters" label={t('form.matters')} extra={t('form.mattersHint')}>
          <Select
           
            mode="multiple"
            allowClear
            loading={catalogue.isLoading}
            options={(catalogue.data?.matters ?? []).map((matter) => ({ value: matter.id, label: matterName(matter, i18n.language) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="dueAt" label={t('form.dueAt')} extra={t('form.dueAtHint')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="defaultDecision" label={t('form.defaultDecision')} extra={t('form.defaultHint')}>
          <Radio.Group options={[{ value: 'revoke', label: t('decision.revoke') }, { value: 'keep', label: t('decision.keep') }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>{t('form.submit')}</Button>
      </Form>
    </Panel>
  );
}
