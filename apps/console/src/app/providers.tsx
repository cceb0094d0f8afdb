import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhTW from 'antd/locale/zh_TW';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem';

export const newQueryClient = () =>
  new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a glitch: only transient failures are retried.
      retry: (failures, error) => failures < 2 && !(isProblem(error) && error.status < 500 && error.status !== 429),
      refetchOnWindowFocus: true,
      staleTime: 2_000,
    },
  },
  });
const queryClient = newQueryClient();

/** The console's providers; `client` lets a test start from an empty cache. */
export function AppProviders({ children, client = queryClient }: { readonly children: ReactNode; readonly client?: QueryClient }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (next: string) => setLanguage(next);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={language === 'zh-Hant' ? zhTW : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#0b57d0', colorLink: '#0b57d0', colorInfo: '#0b57d0', colorError: '#c62828', colorWarning: '#8a5a00', colorSuccess: '#1b7a33', colorTextTertiary: 'rgba(0,0,0,0.6)', colorTextDescription: 'rgba(0,0,0,0.6)' } }}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
