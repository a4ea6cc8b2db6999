import {
  ApartmentOutlined, BankOutlined, BellOutlined, SafetyOutlined, TeamOutlined, ToolOutlined, UserOutlined, WarningOutlined,
} from '@ant-design/icons';
import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import type { Stat, StatKey } from '../api/dashboard.api';

const ICONS: Record<StatKey, ReactNode> = {
  enterprises: <BankOutlined />,
  highRiskEnterprises: <WarningOutlined style={{ color: MEANING_TEXT.danger }} />,
  activeEmployees: <TeamOutlined />,
  orgUnits: <ApartmentOutlined />,
  keyPosts: <SafetyOutlined />,
  specialPosts: <ToolOutlined />,
  users: <UserOutlined />,
  unread: <BellOutlined />,
};

export function StatCard({ stat }: { stat: Stat }) {
  const { t } = useI18n();
  return (
    <Link to={stat.link} data-testid={`stat-${stat.key}`}>
      <Card hoverable size="small">
        <Statistic title={t(`stat.${stat.key}`)} value={stat.value} prefix={ICONS[stat.key]} />
      </Card>
    </Link>
  );
}
