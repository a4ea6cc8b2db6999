import { BookOutlined, FileProtectOutlined, ReadOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The rules and procedures side-menu entries for this user: the library, what he must read, or the regulators' list. */
export function documentsNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) {
    const items: NavItem[] = [];
    if (has('documents.read')) items.push({ key: 'documents', path: '/documents', label: 'nav.documents', icon: <FileProtectOutlined />, group: 'management' });
    if (has('documents.acknowledge')) items.push({ key: 'myDocuments', path: '/documents/mine', label: 'nav.myDocuments', icon: <ReadOutlined />, group: 'management' });
    return items;
  }
  const items: NavItem[] = [];
  if (has('documents.supervise')) items.push({ key: 'documentsOverview', path: '/documents/overview', label: 'nav.documentsOverview', icon: <FileProtectOutlined />, group: 'management' });
  if (has('laws.manage')) items.push({ key: 'laws', path: '/laws', label: 'nav.laws', icon: <BookOutlined />, group: 'management' });
  return items;
}
