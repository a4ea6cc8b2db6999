import type { ReactNode } from 'react';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex, theme } from 'antd';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { useI18n } from '../../../app/i18n';

/**
 * The frame of the pages a user sees before the app: login and the forced password change.
 * Plain elements instead of Card/Typography keep antd's heavier components out of the login bundle.
 */
export function AuthShell({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e8f0fb 0%, #f5f7fa 60%)', padding: '16px 12px 32px' }}>
      <Flex justify="flex-end"><LanguageSwitch /></Flex>
      <Flex vertical align="center" gap={20} style={{ maxWidth: 440, margin: '16px auto 0' }}>
        <Flex vertical align="center" gap={6}>
          <SafetyCertificateFilled style={{ fontSize: 40, color: token.colorPrimary }} />
          <h1 style={{ margin: 0, fontSize: 22, fontWeight: 600, textAlign: 'center', color: token.colorTextHeading }}>{t('app.name')}</h1>
          <span style={{ textAlign: 'center', color: token.colorTextSecondary }}>{t('app.tagline')}</span>
        </Flex>
        <section
          style={{
            width: '100%', background: token.colorBgContainer, borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowTertiary, padding: '20px 24px 24px',
          }}
        >
          <h2 style={{ margin: '0 0 16px', fontSize: 16, fontWeight: 600, color: token.colorTextHeading }}>{title}</h2>
          {children}
        </section>
        {aside}
      </Flex>
    </div>
  );
}
