import type { WebModule } from '../../app/modules';
import { cultureNavItems } from './nav';
import { cultureRoutes } from './routes';

/** Safety culture and incentives (issue 12 §6; server: src/modules/management/culture). */
export const cultureWebModule: WebModule = { name: 'culture', routes: cultureRoutes, nav: cultureNavItems,
  messages: () => import('./culture.messages').then((m) => m.cultureMessages),
};
