import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth';
import { useI18n } from './i18n';
import { I18nProvider } from './I18nProvider';
import { ANTD_TOKENS } from './palette';
import { queryClient } from './query';
import { router } from './router';

function Themed() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUS : zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f5fbf', borderRadius: 6, ...ANTD_TOKENS },
        components: { Layout: { siderBg: '#0f2747', triggerBg: '#0b1e38' }, Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1e38' } },
      }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
