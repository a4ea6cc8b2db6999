import type { WebModule } from '../../app/modules';
import { overviewNavItems } from './nav';
import { overviewRoutes } from './routes';

/** The regulators' management-system view (issue 12 §7; server: src/modules/management/overview). */
export const managementOverviewWebModule: WebModule = { name: 'management-overview', routes: overviewRoutes, nav: overviewNavItems,
  messages: () => import('./messages').then((m) => m.overviewMessages),
};
