import type { WebModule } from '../../app/modules';
import { investmentEnterpriseTabs } from './enterprise-tabs';
import { investmentNavItems } from './nav';
import { investmentRoutes } from './routes';

/** Safety investment and the safety fee (R-INV-1; server: src/modules/management/investment). */
export const investmentWebModule: WebModule = { name: 'investment', routes: investmentRoutes, nav: investmentNavItems, enterpriseTabs: investmentEnterpriseTabs,
  messages: () => import('./investment.messages').then((m) => m.investmentMessages),
};
