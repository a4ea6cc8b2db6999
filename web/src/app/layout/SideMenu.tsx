import { useMemo } from 'react';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useI18n } from '../i18n';
import { navItems, selectedNavKey, type NavItem } from '../menu';
import { useIsMobile } from '../responsive';
import { bottomTabsFor } from './BottomTabs';

/**
 * Entries a worker or team leader on a phone reaches from the bottom tab bar (首页 / 上报 / 任务) or does not need on
 * the move (checklist editing, statistics): the drawer leaves them out, so it stays short (issue 10 §1).
 */
const ON_THE_BAR = new Set(['home', 'hazardReport', 'checkTasks', 'checklists', 'hazardStats']);

export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo((): NavItem[] => {
    const all = navItems(me);
    return isMobile && bottomTabsFor(me) ? all.filter((i) => !ON_THE_BAR.has(i.key)) : all;
  }, [me, isMobile]);
  const selected = selectedNavKey(items, pathname);

  return (
    <Menu
      theme={theme}
      mode="inline"
      data-testid="side-menu"
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: <span data-testid={`nav-${item.key}`}>{t(item.label)}</span>,
        onClick: () => {
          navigate(item.path);
          onNavigate?.();
        },
      }))}
    />
  );
}
