import type { WebModule } from '../../app/modules';
import { dutyEnterpriseTabs } from './enterprise-tabs';
import { dutyNavItems } from './nav';
import { dutyRoutes } from './routes';

/**
 * The full-staff responsibility system on the web (issue 11 §4–§5; server: src/modules/responsibility/duty-lists): the
 * template library and the enterprise's duty lists, post assignment, coverage, the publication every employee reads,
 * the principal-signed yearly review and the yearly assessment with its notice.
 */
export const dutiesWebModule: WebModule = { name: 'duties', routes: dutyRoutes, nav: dutyNavItems, enterpriseTabs: dutyEnterpriseTabs,
  messages: () => import('./duties.messages').then((m) => m.dutiesMessages),
};
