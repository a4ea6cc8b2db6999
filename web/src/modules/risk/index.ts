import { riskEnterpriseTabs } from './enterprise-tabs';
import type { WebModule } from '../../app/modules';
import { riskNavItems } from './nav';
import { riskPublicRoutes, riskRoutes } from './routes';

/** Risk grading and control on the web. */
export const riskWebModule: WebModule = { name: 'risk', routes: riskRoutes, publicRoutes: riskPublicRoutes, nav: riskNavItems, enterpriseTabs: riskEnterpriseTabs,
  messages: () => import('./risk.messages').then((m) => m.riskMessages),
};
