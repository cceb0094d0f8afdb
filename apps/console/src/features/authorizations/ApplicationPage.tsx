import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { idempotencyKey, unwrap } from '../../api/client';
import { applyForAuthorizationControllerApply } from '../../api/generated/sdk.gen';
import { isProblem } from '../../api/problem';
import { useEmployee } from '../../api/session-queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDraft } from '../../lib/drafts';
import { readSession } from '../../lib/session';
import { matterName, useCatalogue } from '../catalogue/api';
import { authorizationKeys } from './api';
import { showFieldProblems } from './field-problems';
import { TermsFields, type TermsValues } from './TermsFields';

interface ApplicationValues extends TermsValues {
  matter?: string;
  reason?: string;
}
type Draft = Omit<ApplicationValues, 'validFrom' | 'validUntil'> & { validFrom?: string; validUntil?: string };

/** 授權申請表, built from the catalogue: the matters the person's role may apply for, each with its own fields. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation('authorizations');
  const [form] = Form.useForm<ApplicationValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useEmployee(readSession()?.employeeId);
  const catalogue = useCatalogue();
  const draft = useDraft<Draft>('application');
  const matterId = Form.useWatch('matter', form);
  const matters = (catalogue.data?.matters ?? []).filter((matter) => me.data && matter.eligibleRoles.includes(me.data.role));
  const matter = matters.find((candidate) => candidate.id === matterId);
  const apply = useMutation({
    mutationFn: (values: ApplicationValues) =>
      unwrap(
        applyForAuthorizationControllerApply({
          body: {
            matter: values.matter!,
            scope: { ...(values.maxAmount !== undefined ? { maxAmount: values.maxAmount } : {}), ...(values.channels && values.channels.length > 0 ? { channels: values.channels as ('phone' | 'chat' | 'email')[] } : {}) },
            reason: values.reason ?? '',
            validFrom: values.validFrom!.toISOString(),
            validUntil: values.validUntil!.toISOString(),
          },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: async (answer) => {
      draft.clear();
      await client.invalidateQueries({ queryKey: authorizationKeys.all });
      void navigate(`/authorizations/${answer.id}`);
    },
    onError: (error) => {
      if (isProblem(error)) showFieldProblems(form, error);
    },
  });
  const initial = draft.initial;
  const initialValues: ApplicationValues = {
    ...(initial?.matter ? { matter: initial.matter } : {}),
    ...(initial?.maxAmount !== undefined ? { maxAmount: initial.maxAmount } : {}),
    ...(initial?.channels ? { channels: initial.channels } : {}),
    ...(initial?.reason ? { reason: initial.reason } : {}),
    validFrom: initial?.validFrom ? dayjs(initial.validFrom) : dayjs().startOf('minute'),
    ...(initial?.validUntil ? { validUntil: dayjs(initial.validUntil) } : {}),
  };
  const saveDraft = (_: unknown, values: ApplicationValues) =>
    draft.save({ ...values, validFrom: (values.validFrom as Dayjs | undefined)?.toISOString(), validUntil: (values.validUntil as Dayjs | undefined)?.toISOString() });

  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('form.applyTitle')}</Typography.Title>
      {catalogue.error && <Alert type="error" showIcon message={t('form.noCatalogue')} />}
      {me.data && catalogue.data && matters.length === 0 && <Alert type="info" showIcon message={t('form.noneEligible')} />}
      <ProblemAlert error={apply.error} />
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" initialValues={initialValues} onValuesChange={saveDraft} onFinish={(values) => apply.mutate(values)}>
          <Form.Item name="matter" label={t('form.matter')} extra={t('form.matterHint')} rules={[{ required: true, message: t('form.required') }]}>
            <Select showSearch optionFilterProp="label" options={matters.map((candidate) => ({ value: candidate.id, label: matterName(candidate, i18n.language) }))} loading={catalogue.isLoading} />
          </Form.Item>
          {matter && <TermsFields matter={matter} />}
          <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending}>{t('form.submit')}</Button>
        </Form>
      </Card>
    </section>
  );
}
