import { AlertOutlined, BellOutlined, FileSearchOutlined, KeyOutlined, LogoutOutlined, RightOutlined, SafetyOutlined, ToolOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { useI18n, type MessageKey } from '../../../app/i18n';

type Entry = { key: string; to: string; label: MessageKey; icon: ReactNode };

/** 我的: the bottom bar's fourth tab on a phone — my reports, my rectifications, my risks, messages, password, sign-out. */
export function MePage() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const own = me.scope.enterpriseId;
  const has = (p: string) => me.permissions.includes(p);
  const entries: Entry[] = [
    ...(has('hazard.report') ? [{ key: 'reports', to: '/my-reports', label: 'me.myReports' as const, icon: <FileSearchOutlined /> }] : []),
    ...(own && has('hazard.read') ? [{ key: 'rectify', to: `/enterprises/${own}/hazards?tab=assigned`, label: 'me.myRectifications' as const, icon: <ToolOutlined /> }] : []),
    ...(own && has('risk.read') ? [{ key: 'risks', to: '/risk/mine', label: 'me.myRisks' as const, icon: <SafetyOutlined /> }] : []),
    ...(own && has('hazard.read') ? [{ key: 'hazards', to: `/enterprises/${own}/hazards`, label: 'nav.hazards' as const, icon: <AlertOutlined /> }] : []),
    { key: 'notifications', to: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> },
    { key: 'password', to: '/change-password', label: 'auth.changePassword', icon: <KeyOutlined /> },
  ];
  return (
    <div data-testid="me-page" style={{ maxWidth: 640 }}>
      <Card style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{me.displayName}</Typography.Title>
        <Typography.Text type="secondary">{me.scope.name}</Typography.Text>
        <div style={{ marginTop: 8 }}><Tag color="blue">{me.roleName}</Tag></div>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <List
          dataSource={entries}
          renderItem={(e) => (
            <Link to={e.to} data-testid={`me-${e.key}`} style={{ display: 'block', color: 'inherit' }}>
              <List.Item style={{ padding: '14px 16px' }} extra={<RightOutlined style={{ color: '#bfbfbf' }} />}>
                <span style={{ marginRight: 12, color: '#1f5fbf' }}>{e.icon}</span>{t(e.label)}
              </List.Item>
            </Link>
          )}
        />
      </Card>
      <Button
        block
        danger
        icon={<LogoutOutlined />}
        style={{ marginTop: 16, height: 44 }}
        data-testid="me-logout"
        onClick={() => { logout().then(() => message.success(t('auth.loggedOut'))).catch(() => undefined); }}
      >
        {t('auth.logout')}
      </Button>
    </div>
  );
}
