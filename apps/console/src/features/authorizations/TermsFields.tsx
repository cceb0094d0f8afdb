import { Alert, Checkbox, DatePicker, Form, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import '../../lib/dayjs-locale';
import { type CatalogueMatter, departmentName, finalApprovalRule, useCatalogue } from '../catalogue/api';

export interface TermsValues {
  maxAmount?: number;
  channels?: string[];
  validFrom?: Dayjs;
  validUntil?: Dayjs;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Scope and validity of one matter, as the catalogue allows them: the amount field and its limits,
 * the channels, the maximum validity; and what the application will need (final approval, training,
 * copies). The client checks mirror the catalogue; the server still decides.
 */
export function TermsFields({ matter, change = false }: { readonly matter: CatalogueMatter; readonly change?: boolean }) {
  const { t, i18n } = useTranslation('authorizations');
  const catalogue = useCatalogue();
  const form = Form.useFormInstance<TermsValues>();
  const maxAmount = Form.useWatch('maxAmount', form);
  const amount = matter.scope.maxAmount;
  const channels = matter.scope.channels ?? [];
  const rule = finalApprovalRule(matter, maxAmount);
  const training = matter.trainingRequired ?? [];
  const copies = [...(matter.copies?.required ?? []), ...(matter.copies?.default ?? [])];
  return (
    <>
      {amount && (
        <Form.Item
          name="maxAmount"
          label={t('form.maxAmount')}
          rules={[
            { required: !change, message: t('form.required') },
            { type: 'integer', min: amount.min, max: amount.max, message: t('form.amountRange', { min: amount.min, max: amount.max }) },
          ]}
        >
          <InputNumber min={amount.min} max={amount.max} precision={0} style={{ width: 200 }} />
        </Form.Item>
      )}
      {channels.length > 0 && (
        <Form.Item name="channels" label={t('form.channels')}>
          <Checkbox.Group options={channels.map((channel) => ({ value: channel, label: t(`scope.channel.${channel}`, { defaultValue: channel }) }))} />
        </Form.Item>
      )}
      {!change && (
        <Form.Item name="validFrom" label={t('form.validFrom')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker showTime />
        </Form.Item>
      )}
      <Form.Item
        name="validUntil"
        label={t('form.validUntil')}
        extra={t('form.maxValidity', { days: matter.maxValidityDays })}
        dependencies={['validFrom']}
        rules={[
          { required: !change, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: Dayjs | undefined) => {
              const from = getFieldValue('validFrom') as Dayjs | undefined;
              if (!value || !from) return;
              if (!value.isAfter(from)) throw new Error(t('form.afterFrom'));
              if (value.valueOf() - from.valueOf() > matter.maxValidityDays * DAY_MS) throw new Error(t('form.tooLong', { days: matter.maxValidityDays }));
            },
          }),
        ]}
      >
        <DatePicker showTime />
      </Form.Item>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Alert type={rule ? 'warning' : 'info'} showIcon message={rule ? t('form.finalApproval', { rule }) : t('form.noFinalApproval')} />
        {training.length > 0 && <Alert type="warning" showIcon message={t('form.training', { courses: training.join('、') })} />}
        {copies.length > 0 && <Alert type="info" showIcon message={t('form.copies', { departments: copies.map((slug) => departmentName(catalogue.data, slug, i18n.language)).join('、') })} />}
      </Space>
    </>
  );
}
