import { useMemo } from 'react';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useI18n } from '../i18n';
import { navItems, selectedNavKey } from '../menu';

export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo(() => navItems(me), [me]);
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
