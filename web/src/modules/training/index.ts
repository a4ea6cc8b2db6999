import type { WebModule } from '../../app/modules';
import { trainingEnterpriseTabs } from './enterprise-tabs';
import { trainingNavItems } from './nav';
import { trainingRoutes } from './routes';

/** Training and legal education (issue 13 §1; server: src/modules/management/training). */
export const trainingWebModule: WebModule = {
  name: 'training', routes: trainingRoutes, nav: trainingNavItems, enterpriseTabs: trainingEnterpriseTabs,
  messages: () => import('./training.messages').then((m) => m.trainingMessages),
};
