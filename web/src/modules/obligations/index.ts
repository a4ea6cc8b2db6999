import type { WebModule } from '../../app/modules';
import { obligationEnterpriseTabs } from './enterprise-tabs';
import { obligationNavItems } from './nav';
import { obligationRoutes } from './routes';

/** The duties engine on the web (issue 11 §1, §7, §10): 我的履职, the duty calendar, rates and the regulators' board. */
export const obligationsWebModule: WebModule = {
  name: 'obligations', routes: obligationRoutes, nav: obligationNavItems, enterpriseTabs: obligationEnterpriseTabs,
  messages: () => import('./obligation.messages').then((m) => m.obligationMessages),
};
