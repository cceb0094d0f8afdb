import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem';

/** A refusal or failure as the server worded it (in the asked language), never swallowed. */
export function ProblemAlert({ error }: { readonly error: unknown }) {
  const { t } = useTranslation('app');
  if (!error) return null;
  const message = isProblem(error) ? (error.body.title ?? t('error')) : t('error');
  const detail = isProblem(error) ? `${error.message}${error.code ? ` (${error.code})` : ''}` : error instanceof Error ? error.message : String(error);
  return <Alert role="alert" type="error" showIcon message={message} description={detail} style={{ marginBottom: 16 }} />;
}
