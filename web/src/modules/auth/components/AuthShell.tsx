import type { ReactNode } from 'react';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { useI18n } from '../../../app/i18n';

/** The frame of the pages a user sees before the app: login and the forced password change. */
export function AuthShell({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e8f0fb 0%, #f5f7fa 60%)', padding: '16px 12px 32px' }}>
      <Flex justify="flex-end"><LanguageSwitch /></Flex>
      <Flex vertical align="center" gap={20} style={{ maxWidth: 440, margin: '24px auto 0' }}>
        <Flex vertical align="center" gap={6}>
          <SafetyCertificateFilled style={{ fontSize: 40, color: '#1f5fbf' }} />
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card title={title} style={{ width: '100%' }}>{children}</Card>
        {aside}
      </Flex>
    </div>
  );
}
