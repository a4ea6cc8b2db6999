import type { WebModule } from '../../app/modules';
import { planNavItems } from './nav';
import { planRoutes } from './routes';

/** Emergency plans and their filing (issue 14 §1; server: src/modules/emergency/plans). */
export const emergencyPlansWebModule: WebModule = { name: 'emergency-plans', routes: planRoutes, nav: planNavItems,
  messages: () => import('./emergency-plans.messages').then((m) => m.emergencyPlansMessages),
};
