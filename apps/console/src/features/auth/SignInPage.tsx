import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Panel } from '../../components/Panel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { takeExpired, takeReturnTo } from '../../lib/session';
import { useDemoPeople, useDemoSignIn, useSignInConfig } from './api';
import { startOidcSignIn } from './oidc';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { t: tApp } = useTranslation('app');
  const navigate = useNavigate();
  const config = useSignInConfig();
  const demo = useDemoPeople(config.data?.demo === true);
  const signIn = useDemoSignIn();
  const [expired] = useState(takeExpired);

  const signInAs = (employeeId: string) =>
    signIn.mutate(employeeId, { onSuccess: () => void navigate(takeReturnTo() ?? '/', { replace: true }) });

  return (
    <main id="main" style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={1}>{`${tApp('title')} · ${t('title')}`}</Typography.Title>
      {expired && <Alert type="warning" showIcon message={tApp('sessionExpired')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {config.error && <ProblemAlert error={config.error} />}
      {signIn.error && <ProblemAlert error={signIn.error} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {config.data?.oidc && (
          <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('oidcTitle')}</h2>}>
            <Button type="primary" onClick={() => void startOidcSignIn(config.data.oidc!.issuer, config.data.oidc!.clientId)}>
              {t('oidcButton')}
            </Button>
          </Panel>
        )}
        {config.data?.demo && (
          <Panel title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('demoTitle')}</h2>}>
            <Typography.Paragraph type="secondary">{t('demoHint')}</Typography.Paragraph>
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {(demo.data?.items ?? []).map((person) => (
                <li key={person.id} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <div style={{ flex: 1 }}>
                    <Typography.Text strong>{person.name}</Typography.Text>
                    <div>
                      <Space>
                        <Tag>{person.id}</Tag>
                        <Typography.Text type="secondary">{tApp(`roles.${person.role}`, { defaultValue: person.role })}</Typography.Text>
                      </Space>
                    </div>
                  </div>
                  <Button type="primary" loading={signIn.isPending && signIn.variables === person.id} onClick={() => signInAs(person.id)} aria-label={t('signInAs', { name: `${person.name} (${person.id})` })}>
                    {t('title')}
                  </Button>
                </li>
              ))}
            </ul>
          </Panel>
        )}
        {config.data && !config.data.demo && !config.data.oidc && <Alert type="info" showIcon message={t('none')} />}
      </Space>
    </main>
  );
}
