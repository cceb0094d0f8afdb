import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation('app');
  return <Result status="404" title={<h1 style={{ fontSize: 24 }}>{t('notFound')}</h1>} extra={<Link to="/"><Button type="primary">{t('backHome')}</Button></Link>} />;
}
