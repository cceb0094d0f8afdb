import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { takeReturnTo } from '../../lib/session';
import { completeOidcSignIn } from './oidc';

export function OidcCallbackPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeOidcSignIn()
      .then(() => navigate(takeReturnTo() ?? '/', { replace: true }))
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [navigate]);
  return (
    <main id="main" style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <h1>{t('title')}</h1>
      {failure ? <Alert type="error" showIcon message={t('failed', { detail: failure })} /> : <Spin tip={t('callback')}><div style={{ height: 80 }} /></Spin>}
    </main>
  );
}
