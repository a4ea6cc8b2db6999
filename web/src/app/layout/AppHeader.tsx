import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, theme } from 'antd';
import { NotificationBell } from '../../modules/notifications/components/NotificationBell';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

type Props = { isMobile: boolean; collapsed: boolean; onToggle: () => void };

export function AppHeader({ isMobile, collapsed, onToggle }: Props) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const icon = isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;
  return (
    <Layout.Header
      style={{
        position: 'sticky', top: 0, zIndex: 10, display: 'flex', alignItems: 'center', gap: 8,
        height: 56, lineHeight: '56px', padding: isMobile ? '0 8px' : '0 16px',
        background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Button type="text" icon={icon} onClick={onToggle} aria-label={t('layout.toggleMenu')} data-testid="menu-toggle" />
      {isMobile && <span style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('app.shortName')}</span>}
      <Flex align="center" gap={isMobile ? 2 : 8} style={{ marginLeft: 'auto' }}>
        <NotificationBell />
        <LanguageSwitch compact={isMobile} />
        <UserMenu compact={isMobile} />
      </Flex>
    </Layout.Header>
  );
}
