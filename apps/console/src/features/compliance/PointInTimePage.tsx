import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import '../../lib/dayjs-locale';
import { unwrap } from '../../api/client';
import { permissionsControllerHolders, permissionsControllerPermissions } from '../../api/generated/sdk.gen';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format';
import { useCatalogue } from '../catalogue/api';
import { EmptyText } from '../../components/EmptyText';

interface WhoValues {
  authority: string;
  at: Dayjs;
}
interface WhatValues {
  employeeId: string;
  at: Dayjs;
}

/** "Who could do what at T" and "what could E do at T", answered from the full history by the API. */
export function PointInTimePage() {
  const { t, i18n } = useTranslation('compliance');
  const catalogue = useCatalogue();
  const holders = useMutation({ mutationFn: (values: WhoValues) => unwrap(permissionsControllerHolders({ path: { authority: values.authority.trim() }, query: { at: values.at.toISOString() } })) });
  const permissions = useMutation({ mutationFn: (values: WhatValues) => unwrap(permissionsControllerPermissions({ path: { id: values.employeeId.trim() }, query: { at: values.at.toISOString() } })) });
  const name = (names: { 'zh-Hant': string; en: string }) => (i18n.language === 'zh-Hant' ? names['zh-Hant'] : names.en);
  const authorities = [...(catalogue.data?.authorities ?? []), ...(catalogue.data?.matters ?? [])].filter((entry, index, all) => all.findIndex((other) => other.id === entry.id) === index);
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('pit.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('pit.whoTitle')}</h2>}>
            <Form<WhoValues> layout="vertical" initialValues={{ at: dayjs() }} onFinish={(values) => holders.mutate(values)}>
              <Form.Item name="authority" label={t('pit.authority')} rules={[{ required: true }]}>
                <AutoComplete options={authorities.map((entry) => ({ value: entry.id, label: `${name(entry.names)} (${entry.id})` }))} filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())} />
              </Form.Item>
              <Form.Item name="at" label={t('pit.at')} rules={[{ required: true }]}><DatePicker showTime /></Form.Item>
              <Button type="primary" htmlType="submit" loading={holders.isPending}>{t('pit.ask')}</Button>
            </Form>
            <ProblemAlert error={holders.error} />
            {holders.data && (
              <List
                header={t('pit.holders', { at: formatInstant(holders.data.at) })}
                dataSource={holders.data.items}
                locale={{ emptyText: <EmptyText>{t('pit.none')}</EmptyText> }}
                renderItem={(holder) => (
                  <List.Item>
                    <Space wrap><strong>{holder.employeeId}</strong><Tag>{t(`pit.via.${holder.via}`)}</Tag>{holder.validUntil && <span>→ {formatInstant(holder.validUntil)}</span>}{holder.scope && <span>{JSON.stringify(holder.scope)}</span>}</Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('pit.whatTitle')}</h2>}>
            <Form<WhatValues> layout="vertical" initialValues={{ at: dayjs() }} onFinish={(values) => permissions.mutate(values)}>
              <Form.Item name="employeeId" label={t('pit.employeeId')} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="at" label={t('pit.at')} rules={[{ required: true }]}><DatePicker showTime /></Form.Item>
              <Button type="primary" htmlType="submit" loading={permissions.isPending}>{t('pit.ask')}</Button>
            </Form>
            <ProblemAlert error={permissions.error} />
            {permissions.data && (
              <Space direction="vertical" style={{ marginTop: 16 }}>
                {permissions.data.departed && <Tag color="red">{t('pit.departed')}</Tag>}
                <Typography.Text strong>{t('pit.baseline')}</Typography.Text>
                <span>{permissions.data.baseline.join('、') || t('pit.none')}</span>
                <Typography.Text strong>{t('pit.grants')}</Typography.Text>
                <List size="small" dataSource={permissions.data.grants} locale={{ emptyText: <EmptyText>{t('pit.none')}</EmptyText> }} renderItem={(grant) => <List.Item>{grant.authority} {grant.validUntil ? `→ ${formatInstant(grant.validUntil)}` : ''}</List.Item>} />
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
