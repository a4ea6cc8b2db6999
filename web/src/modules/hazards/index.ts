import { hazardEnterpriseTabs } from './enterprise-tabs';
import type { WebModule } from '../../app/modules';
import { hazardNavItems } from './nav';
import { hazardRoutes } from './routes';

/** Hidden-hazard investigation on the web. */
export const hazardsWebModule: WebModule = { name: 'hazards', routes: hazardRoutes, nav: hazardNavItems, enterpriseTabs: hazardEnterpriseTabs,
  messages: () => import('./hazard.messages').then((m) => m.hazardMessages),
};
