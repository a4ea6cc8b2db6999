import type { WebModule } from '../../app/modules';
import { standardisationEnterpriseTabs } from './enterprise-tabs';
import { standardisationNavItems } from './nav';
import { standardisationRoutes } from './routes';

/** The standardisation self-assessment and external reviews (issue 13 §4; server: src/modules/management/standardisation). */
export const standardisationWebModule: WebModule = {
  name: 'standardisation', routes: standardisationRoutes, nav: standardisationNavItems, enterpriseTabs: standardisationEnterpriseTabs,
  messages: () => import('./standardisation.messages').then((m) => m.standardisationMessages),
};
