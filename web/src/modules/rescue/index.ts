import type { WebModule } from '../../app/modules';
import { rescueEnterpriseTabs } from './enterprise-tabs';
import { rescueNavItems } from './nav';
import { rescueRoutes } from './routes';

/** rescue organisation and resources (issue 14; server: src/modules/emergency/rescue). */
export const rescueWebModule: WebModule = { name: 'rescue', routes: rescueRoutes, nav: rescueNavItems, enterpriseTabs: rescueEnterpriseTabs,
  messages: () => import('./rescue.messages').then((m) => m.rescueMessages),
};
