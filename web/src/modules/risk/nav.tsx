import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** Risk entries of the side menu for this user. */
export function riskNavItems(_me: Me): NavItem[] {
  return [];
}
