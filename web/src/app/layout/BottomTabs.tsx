import { CameraOutlined, HomeOutlined, ScheduleOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../modules/auth/api/auth.api';
import { useMe } from '../auth';
import { useI18n, type MessageKey } from '../i18n';

type Tab = { key: string; to: string; label: MessageKey; icon: ReactNode; match: (path: string) => boolean };

/** Workers and team leaders on a phone work from four places (issue 10 §1): home, report, tasks, me. */
export function bottomTabsFor(me: Me): Tab[] | null {
  const own = me.scope.enterpriseId;
  if (!own || (me.role !== 'employee' && me.role !== 'unit_leader')) return null;
  return [
    { key: 'home', to: '/', label: 'tabbar.home', icon: <HomeOutlined />, match: (p) => p === '/' },
    { key: 'report', to: '/report', label: 'tabbar.report', icon: <CameraOutlined />, match: (p) => p.startsWith('/report') },
    { key: 'tasks', to: `/enterprises/${own}/check-tasks`, label: 'tabbar.tasks', icon: <ScheduleOutlined />, match: (p) => p.includes('/check-tasks') },
    { key: 'me', to: '/me', label: 'tabbar.me', icon: <UserOutlined />, match: (p) => p.startsWith('/me') },
  ];
}

/** The bar itself, fixed at the bottom of the phone's screen (above the home indicator). */
export function BottomTabs({ tabs }: { tabs: Tab[] }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav
      data-testid="bottom-tabs"
      style={{
        position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 100, display: 'flex', background: '#fff',
        borderTop: '1px solid #f0f0f0', paddingBottom: 'env(safe-area-inset-bottom)',
      }}
    >
      {tabs.map((tab) => {
        const active = tab.match(pathname);
        return (
          <Link
            key={tab.key}
            to={tab.to}
            data-testid={`bottom-tab-${tab.key}`}
            aria-current={active ? 'page' : undefined}
            style={{
              flex: 1, minHeight: 56, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2,
              color: active ? '#1f5fbf' : '#595959', fontSize: 12,
            }}
          >
            <span style={{ fontSize: 20, lineHeight: 1 }}>{tab.icon}</span>
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}

/** The bar for the signed-in user on a phone, or null. */
export function useBottomTabs(isMobile: boolean): Tab[] | null {
  const me = useMe();
  return isMobile ? bottomTabsFor(me) : null;
}
