import type { WebModule } from '../../app/modules';
import { staffingEnterpriseTabs } from './enterprise-tabs';
import { staffingNavItems } from './nav';
import { staffingRoutes } from './routes';

/** The safety organisation and staffing check (R-TEAM-1/2; server: src/modules/management/staffing). */
export const staffingWebModule: WebModule = { name: 'staffing', routes: staffingRoutes, nav: staffingNavItems, enterpriseTabs: staffingEnterpriseTabs,
  messages: () => import('./staffing.messages').then((m) => m.staffingMessages),
};
