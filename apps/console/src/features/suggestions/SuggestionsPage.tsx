import { Alert, Button, Checkbox, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmployee } from '../../api/session-queries';
import { EmptyText } from '../../components/EmptyText';
import { LoadMore } from '../../components/LoadMore';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { readSession } from '../../lib/session';
import { ToneTag } from '../access-reviews/ToneTag';
import { EmployeeName } from '../stand-ins/people';
import { type Suggestion, useAnswerSuggestion, useSubmitSuggestion, useSuggestions } from './api';

interface SubmitValues {
  readonly text: string;
  readonly anonymous?: boolean;
}

/** The policy feedback box: anyone suggests and reads back their own with the answer; a manager answers. */
export function SuggestionsPage() {
  const { t } = useTranslation('suggestions');
  const me = useEmployee(readSession()?.employeeId);
  const [status, setStatus] = useState<'open' | 'answered' | undefined>(undefined);
  const list = useSuggestions(status);
  const submit = useSubmitSuggestion();
  const [form] = Form.useForm<SubmitValues>();
  const role = me.data?.role;
  const readsAll = role === 'manager' || role === 'compliance';
  const send = (values: SubmitValues) => submit.mutate({ text: values.text.trim(), anonymous: values.anonymous === true }, { onSuccess: () => form.resetFields() });
  const items = list.items;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('title')}</Typography.Title>
      {role !== undefined && (
        <Panel title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('submitTitle')}</h2>}>
          <ProblemAlert error={submit.error} />
          {submit.isSuccess && <Alert type="success" showIcon title={t('submitted')} style={{ marginBottom: 16 }} />}
          <Form<SubmitValues> form={form} name="suggestion" layout="vertical" onFinish={send} style={{ maxWidth: 640 }}>
            <Form.Item name="text" label={t('text')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="anonymous" valuePropName="checked" extra={t('anonymousHint')}>
              <Checkbox>{t('anonymous')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('submit')}</Button>
          </Form>
        </Panel>
      )}
      <Panel
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{readsAll ? t('all') : t('mine')}</h2>}
        extra={
          <Space>
            <label htmlFor="suggestion-status">{t('status')}</label>
            <Select
              id="suggestion-status"
              style={{ width: 160 }}
              value={status ?? ''}
              onChange={(value) => setStatus(value === '' ? undefined : (value as 'open' | 'answered'))}
              options={[{ value: '', label: t('any') }, { value: 'open', label: t('statuses.open') }, { value: 'answered', label: t('statuses.answered') }]}
            />
          </Space>
        }
      >
        <ProblemAlert error={list.error} />
        {list.isLoading ? <Spin /> : items.length === 0 ? <EmptyText>{t('none')}</EmptyText> : items.map((suggestion) => <SuggestionCard key={suggestion.id} suggestion={suggestion} mayAnswer={role === 'manager'} />)}
        <LoadMore list={list} />
      </Panel>
    </section>
  );
}

function SuggestionCard({ suggestion, mayAnswer }: { readonly suggestion: Suggestion; readonly mayAnswer: boolean }) {
  const { t } = useTranslation('suggestions');
  const answer = suggestion.answer;
  return (
    <article aria-label={t('suggestionOf', { at: formatInstant(suggestion.submittedAt) })} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <ToneTag tone={suggestion.status === 'open' ? 'info' : 'good'}>{t(`statuses.${suggestion.status}`)}</ToneTag>
        <Typography.Text type="secondary">
          {suggestion.anonymous ? t('byAnonymous') : suggestion.submittedBy ? <EmployeeName id={suggestion.submittedBy} /> : null}
          {' · '}
          {formatInstant(suggestion.submittedAt)}
          {suggestion.yours ? ` · ${t('yours')}` : ''}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{suggestion.text}</Typography.Paragraph>
      {answer ? (
        <Alert
          type={answer.adopted ? 'success' : 'info'}
          showIcon
          title={answer.adopted ? t('adopted') : t('notAdopted')}
          description={
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{answer.response}</Typography.Paragraph>
              <Typography.Text>
                {t('answeredBy')} {answer.answeredBy ? <EmployeeName id={answer.answeredBy} /> : null} · {formatInstant(answer.answeredAt)}
              </Typography.Text>
            </>
          }
        />
      ) : (
        mayAnswer && <AnswerForm id={suggestion.id} />
      )}
    </article>
  );
}

interface AnswerValues {
  readonly response: string;
  readonly adopted: boolean;
}

function AnswerForm({ id }: { readonly id: string }) {
  const { t } = useTranslation('suggestions');
  const answer = useAnswerSuggestion();
  return (
    <>
      <ProblemAlert error={answer.error} />
      <Form<AnswerValues> name={`answer-${id}`} layout="vertical" initialValues={{ adopted: false }} onFinish={(values) => answer.mutate({ id, response: values.response.trim(), adopted: values.adopted })} style={{ maxWidth: 640 }}>
        <Form.Item name="response" label={t('response')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="adopted" label={t('adoptedLabel')}>
          <Radio.Group options={[{ value: true, label: t('adopt') }, { value: false, label: t('notAdopt') }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending}>{t('answer')}</Button>
      </Form>
    </>
  );
}
