import { AlertOutlined, CameraOutlined, CarryOutOutlined, DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { ownEnterprisePath } from '../../../app/landing';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.morning' as const;
  if (hour < 18) return 'home.afternoon' as const;
  return 'home.evening' as const;
}

/** Who you are here: greeting, scope and role, and what this role does on the platform. */
export function WelcomeCard() {
  const me = useMe();
  const { t, tx } = useI18n();
  const own = ownEnterprisePath(me);
  const has = (p: string) => me.permissions.includes(p);
  return (
    <Card data-testid="welcome-card" style={{ marginBottom: 16, background: 'linear-gradient(120deg, #f0f5ff 0%, #ffffff 70%)' }}>
      <Flex vertical gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(greetingKey(new Date().getHours()), { name: me.displayName })}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Tag color="blue">{me.roleName}</Tag>
          <Typography.Text type="secondary" data-testid="welcome-scope">{t('home.scopeLine', { kind: tx(`scopeKind.${me.scope.kind}`, me.scope.kind), name: me.scope.name })}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{tx(`roleIntro.${me.role}`, '')}</Typography.Paragraph>
        {own && <Link to={own}>{t('home.openOwnEnterprise')}</Link>}
        <Flex gap={8} wrap data-testid="quick-actions">
          {has('hazard.report') && (
            <Link to="/report"><Button type="primary" size="large" icon={<CameraOutlined />} data-testid="quick-report">{t('nav.hazardReport')}</Button></Link>
          )}
          {me.scope.enterpriseId && has('hazard.read') && (
            <Link to="/check-tasks"><Button size="large" icon={<CarryOutOutlined />}>{t('nav.checkTasks')}</Button></Link>
          )}
          {has('hazard.supervise') && (
            <Link to="/hazard-overview"><Button size="large" icon={<DashboardOutlined />}>{t('nav.hazardOverview')}</Button></Link>
          )}
          {has('hazard.supervise') && (
            <Link to="/major-hazards"><Button size="large" icon={<AlertOutlined />}>{t('nav.majorHazards')}</Button></Link>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
