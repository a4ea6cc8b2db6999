import { AlertOutlined, FileProtectOutlined, FileSearchOutlined, FileTextOutlined, MonitorOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The letters' and commitments' side-menu entries for this user. */
export function lettersNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  const items: NavItem[] = [];
  if (me.scope.enterpriseId) {
    if (has('letters.sign')) items.push({ key: 'myLetters', path: '/letters/mine', label: 'nav.myLetters', icon: <FileTextOutlined />, group: 'responsibility' });
    if (has('letters.read')) items.push({ key: 'letterCampaigns', path: '/letters/campaigns', label: 'nav.letterCampaigns', icon: <FileProtectOutlined />, group: 'responsibility' });
    if (has('commitment.read')) items.push({ key: 'commitment', path: '/letters/commitment', label: 'nav.commitment', icon: <SafetyCertificateOutlined />, group: 'responsibility' });
    // Shown to every enterprise that may read it; the page says when its industry does not owe the notice.
    if (has('daily_notice.read')) items.push({ key: 'dailyNotice', path: '/letters/daily-notice', label: 'nav.dailyNotice', icon: <AlertOutlined />, group: 'responsibility' });
  } else {
    if (has('commitment.supervise')) items.push({ key: 'commitmentOverview', path: '/letters/commitments', label: 'nav.commitmentOverview', icon: <FileSearchOutlined />, group: 'responsibility' });
    if (has('daily_notice.supervise')) items.push({ key: 'dailyNoticeOverview', path: '/letters/daily-notices', label: 'nav.dailyNoticeOverview', icon: <MonitorOutlined />, group: 'responsibility' });
  }
  return items;
}
