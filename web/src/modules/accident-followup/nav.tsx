import { AlertOutlined, AuditOutlined, CheckSquareOutlined, CommentOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/**
 * The follow-up's side-menu entries (group 应急与事故): regulators' interviews and findings; an enterprise's accident
 * actions; an insurer's accident notices (安责险).
 */
export function accidentFollowupNavItems(me: Me): NavItem[] {
  const own = me.scope.enterpriseId;
  if (me.role === 'insurer_staff') {
    return me.permissions.includes('accident.claims')
      ? [{ key: 'insurerNotices', path: '/insurer/accident-notices', label: 'accidentFollowup.nav.insurerNotices', icon: <AlertOutlined />, group: 'emergency' }] : [];
  }
  if (!me.permissions.includes('accident_followup.read')) return [];
  if (own) return [{ key: 'accidentActions', path: `/enterprises/${own}/accident-actions`, label: 'accidentFollowup.nav.actions', icon: <CheckSquareOutlined />, group: 'emergency' }];
  return [
    { key: 'accidentInterviews', path: '/accident-interviews', label: 'accidentFollowup.nav.interviews', icon: <CommentOutlined />, group: 'emergency' },
    { key: 'accidentFindings', path: '/accident-findings', label: 'accidentFollowup.nav.findings', icon: <AuditOutlined />, group: 'emergency' },
  ];
}
