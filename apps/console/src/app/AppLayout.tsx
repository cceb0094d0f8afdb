import { Button, Layout, Segmented, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useApiPaths, useEmployee } from '../api/session-queries';
import { currentLanguage, switchLanguage } from '../lib/i18n';
import type { Language } from '../lib/language';
import { endSession, readSession } from '../lib/session';
import { navigationFor } from './navigation';

export function AppLayout() {
  const { t } = useTranslation('app');
  const session = readSession();
  const me = useEmployee(session?.employeeId);
  const paths = useApiPaths();
  const location = useLocation();
  const navigate = useNavigate();
  const items = me.data && paths.data ? navigationFor(me.data.role, paths.data) : [];
  const selected = items.filter((item) => (item.path === '/' ? location.pathname === '/' || location.pathname.startsWith('/authorizations') : location.pathname.startsWith(item.path))).map((item) => item.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">{t('skipToContent')}</a>
      <Layout.Header className="no-print" style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b3d91', paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>{t('title')}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Space>
          {me.data && <Typography.Text style={{ color: '#fff' }}>{t('signedInAs', { name: me.data.name, id: me.data.employeeId, role: t(`roles.${me.data.role}`) })}</Typography.Text>}
          <Segmented<Language>
            aria-label={t('language')}
            value={currentLanguage()}
            onChange={(language) => void switchLanguage(language)}
            options={[{ value: 'zh-Hant', label: t('languages.zh-Hant') }, { value: 'en', label: t('languages.en') }]}
          />
          <Button onClick={() => { endSession(); void navigate('/signin', { replace: true }); }}>{t('signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider className="no-print" width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={t('menu')}>
            {/* Plain links (not Ant Design's Menu, whose overflow and dropdown code the worklist's budget cannot carry). */}
            <ul style={{ listStyle: 'none', margin: 0, padding: 8 }}>
              {items.map((item) => {
                const current = selected.includes(item.path);
                return (
                  <li key={item.path}>
                    <Link
                      to={item.path}
                      aria-current={current ? 'page' : undefined}
                      style={{ display: 'block', padding: '10px 16px', borderRadius: 8, color: current ? '#0b57d0' : '#1f1f1f', background: current ? '#e6effc' : 'transparent', fontWeight: current ? 600 : 400 }}
                    >
                      {t(`nav.${item.key}`)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
