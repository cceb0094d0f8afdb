import { Alert, Button, Card, Descriptions, Form, Input, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isProblem } from '../../api/problem';
import type { RequestChangeDto } from '../../api/generated/types.gen';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDraft } from '../../lib/drafts';
import { useCatalogue } from '../catalogue/api';
import { sendChange, useAuthorization, useAuthorizationCommand } from './api';
import { showFieldProblems } from './field-problems';
import { MatterName, ScopeText, ValidityText } from './presentation';
import { TermsFields, type TermsValues } from './TermsFields';

interface ChangeValues extends TermsValues {
  reason?: string;
}

/** 授權變更申請表: new scope or end of validity for a grant in force; the old terms stay until the change is acknowledged. */
export function ChangePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('authorizations');
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeValues>();
  const authorization = useAuthorization(id);
  const catalogue = useCatalogue();
  const draft = useDraft<Omit<ChangeValues, 'validFrom' | 'validUntil'> & { validUntil?: string }>(`change.${id}`);
  // The change is asked against the terms shown (If-Match): changed meanwhile, it is refused (409), the draft is kept, the terms reload.
  const change = useAuthorizationCommand(id, authorization.data?.version, sendChange);

  if (authorization.isLoading || catalogue.isLoading) return <Spin />;
  if (!authorization.data) return <ProblemAlert error={authorization.error} />;
  const a = authorization.data;
  const matter = catalogue.data?.matters.find((candidate) => candidate.id === a.matter);
  const scope = a.terms.scope as { maxAmount?: number; channels?: string[] };

  const submit = (values: ChangeValues) => {
    const body: RequestChangeDto = { reason: values.reason ?? '' };
    const channels = values.channels ?? [];
    const scopeChanged = values.maxAmount !== scope.maxAmount || channels.join(',') !== (scope.channels ?? []).join(',');
    if (scopeChanged) body.scope = { ...(values.maxAmount !== undefined ? { maxAmount: values.maxAmount } : {}), ...(channels.length > 0 ? { channels: channels as ('phone' | 'chat' | 'email')[] } : {}) };
    if (values.validUntil && !values.validUntil.isSame(dayjs(a.terms.validUntil))) body.validUntil = values.validUntil.toISOString();
    change.mutate(body, {
      onSuccess: () => {
        draft.clear();
        void navigate(`/authorizations/${id}`);
      },
      onError: (error) => {
        if (isProblem(error)) showFieldProblems(form, error);
      },
    });
  };
  const initialValues: ChangeValues = {
    maxAmount: draft.initial?.maxAmount ?? scope.maxAmount,
    channels: draft.initial?.channels ?? scope.channels ?? [],
    validFrom: dayjs(a.terms.validFrom),
    validUntil: dayjs(draft.initial?.validUntil ?? a.terms.validUntil),
    reason: draft.initial?.reason ?? '',
  };
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('form.changeTitle')}</Typography.Title>
      <Alert type="info" showIcon message={t('form.changeHint')} style={{ marginBottom: 16 }} />
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('form.current')}</h2>} style={{ maxWidth: 720, marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('columns.matter')}><MatterName authorization={a} /></Descriptions.Item>
          <Descriptions.Item label={t('columns.scope')}><ScopeText scope={a.terms.scope} /></Descriptions.Item>
          <Descriptions.Item label={t('columns.validity')}><ValidityText terms={a.terms} /></Descriptions.Item>
        </Descriptions>
      </Card>
      {!matter && <Alert type="error" showIcon message={t('form.noCatalogue')} />}
      <ProblemAlert error={change.error} />
      {matter && (
        <Card style={{ maxWidth: 720 }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onValuesChange={(_, values) => draft.save({ maxAmount: values.maxAmount, channels: values.channels, reason: values.reason, validUntil: (values.validUntil as Dayjs | undefined)?.toISOString() })}
            onFinish={submit}
          >
            <TermsFields matter={matter} change />
            <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending}>{t('form.submitChange')}</Button>
          </Form>
        </Card>
      )}
    </section>
  );
}
