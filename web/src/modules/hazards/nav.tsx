import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** Hazard entries of the side menu for this user. */
export function hazardNavItems(_me: Me): NavItem[] {
  return [];
}
