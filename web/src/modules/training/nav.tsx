import { BookOutlined, ReadOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The training side-menu entries: the enterprise's page (managers, unit leaders), one's own record (everyone else of it), or the regulators' list. */
export function trainingNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) {
    if (has('training.read')) return [{ key: 'training', path: '/training', label: 'nav.training', icon: <BookOutlined />, group: 'workforce' }];
    return has('training.attend') ? [{ key: 'myTraining', path: '/my-training', label: 'nav.myTraining', icon: <ReadOutlined />, group: 'workforce' }] : [];
  }
  return has('training.supervise') ? [{ key: 'trainingOverview', path: '/training-overview', label: 'nav.trainingOverview', icon: <BookOutlined />, group: 'workforce' }] : [];
}
