import type { WebModule } from '../../app/modules';
import { insuranceEnterpriseTabs } from './enterprise-tabs';
import { insuranceNavItems } from './nav';
import { insuranceRoutes } from './routes';

/** Insurance: 安责险 policies and work-injury coverage (R-INS-1; server: src/modules/management/insurance). */
export const insuranceWebModule: WebModule = { name: 'insurance', routes: insuranceRoutes, nav: insuranceNavItems, enterpriseTabs: insuranceEnterpriseTabs,
  messages: () => import('./insurance.messages').then((m) => m.insuranceMessages),
};
