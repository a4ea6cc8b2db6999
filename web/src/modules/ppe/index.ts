import type { WebModule } from '../../app/modules';
import { ppeEnterpriseTabs } from './enterprise-tabs';
import { ppeNavItems } from './nav';
import { ppeRoutes } from './routes';

/** Personal protective equipment (issue 13 §3, R-PPE-1; server: src/modules/management/ppe). */
export const ppeWebModule: WebModule = { name: 'ppe', routes: ppeRoutes, nav: ppeNavItems, enterpriseTabs: ppeEnterpriseTabs,
  messages: () => import('./ppe.messages').then((m) => m.ppeMessages),
};
