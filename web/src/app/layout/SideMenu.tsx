import { useEffect, useMemo, useState } from 'react';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useI18n } from '../i18n';
import { NAV_GROUP_META, navItems, navSections, openGroupOf, selectedNavKey, type NavGroup, type NavItem } from '../menu';
import { useIsMobile } from '../responsive';
import { bottomTabsFor } from './BottomTabs';

/**
 * Entries a worker or team leader on a phone reaches from the bottom tab bar (首页 / 上报 / 任务) or does not need on
 * the move (checklist editing, statistics): the drawer leaves them out, so it stays short (issue 10 §1).
 */
const ON_THE_BAR = new Set(['home', 'hazardReport', 'checkTasks', 'checklists', 'hazardStats']);

/** A group's submenu key: apart from the entries' keys (本企业档案 is `enterprise`, and so is its group). */
const groupKey = (group: NavGroup) => `group-${group}`;

/**
 * The side menu in groups (app/menu.tsx). The group of the page shown opens by itself, on load and whenever the page
 * changes; the others open on a click. On a phone one group is open at a time, so the drawer stays short. The
 * collapsed side bar shows the groups' icons, each opening its entries in a popup.
 */
export function SideMenu({ theme, collapsed = false, onNavigate }: { theme: 'dark' | 'light'; collapsed?: boolean; onNavigate?: () => void }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo((): NavItem[] => {
    const all = navItems(me);
    return isMobile && bottomTabsFor(me) ? all.filter((i) => !ON_THE_BAR.has(i.key)) : all;
  }, [me, isMobile]);
  const sections = useMemo(() => navSections(items), [items]);
  const selected = selectedNavKey(items, pathname);
  const selectedGroup = openGroupOf(sections, selected);
  const [openKeys, setOpenKeys] = useState<string[]>(() => (selectedGroup ? [groupKey(selectedGroup)] : []));

  useEffect(() => {
    if (!selectedGroup) return;
    const key = groupKey(selectedGroup);
    setOpenKeys((open) => (open.includes(key) ? open : isMobile ? [key] : [...open, key]));
  }, [selectedGroup, isMobile]);

  const entry = (item: NavItem): NonNullable<MenuProps['items']>[number] => ({
    key: item.key,
    icon: item.icon,
    label: <span data-testid={`nav-${item.key}`} title={t(item.label)}>{t(item.label)}</span>,
    onClick: () => {
      navigate(item.path);
      onNavigate?.();
    },
  });

  const onOpenChange = (keys: string[]) => {
    const opened = keys.find((k) => !openKeys.includes(k));
    setOpenKeys(isMobile && opened ? [opened] : keys);
  };

  return (
    <Menu
      theme={theme}
      mode="inline"
      // A group's entries sit one step in: at antd's 24 px step the regulators' longer labels (安全管理人员配备情况) no
      // longer fit the 224 px side bar. The longest (安全生产费用提取使用情况) still ends in "…" there: its title shows it all.
      inlineIndent={16}
      data-testid="side-menu"
      selectedKeys={selected ? [selected] : []}
      // Collapsed, the groups are hover popups that the menu opens and closes itself; the open inline groups come
      // back when the bar expands.
      {...(collapsed ? {} : { openKeys, onOpenChange })}
      items={sections.map((s) => (s.kind === 'item'
        ? entry(s.item)
        : {
            key: groupKey(s.group),
            icon: NAV_GROUP_META[s.group].icon,
            label: <span data-testid={`nav-group-${s.group}`}>{t(NAV_GROUP_META[s.group].label)}</span>,
            children: s.items.map(entry),
          }))}
    />
  );
}
