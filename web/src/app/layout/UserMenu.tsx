import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth';
import { useI18n } from '../i18n';

/** Who is signed in, in which scope and role ("关上街道 · 街道监管员"), plus password change and sign-out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scopeLine = `${me.scope.name} · ${me.roleName}`;

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div style={{ cursor: 'default' }}>
                <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{me.displayName}</div>
                <div data-testid="user-scope">{scopeLine}</div>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span> },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('auth.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'logout') {
            logout().then(() => message.success(t('auth.loggedOut'))).catch(() => undefined);
          }
        },
      }}
    >
      <Flex data-testid="user-menu" align="center" gap={8} style={{ cursor: 'pointer', padding: '0 4px', lineHeight: 1.3 }} role="button" tabIndex={0}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf', flex: 'none' }} />
        {!compact && (
          <div style={{ maxWidth: 260, minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }} data-testid="user-display-name">{me.displayName}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }} data-testid="user-role-scope">{scopeLine}</Typography.Text>
          </div>
        )}
        {!compact && <DownOutlined style={{ fontSize: 10 }} />}
      </Flex>
    </Dropdown>
  );
}
