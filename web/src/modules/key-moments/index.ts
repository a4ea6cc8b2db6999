import type { WebModule } from '../../app/modules';
import { keyMomentNavItems } from './nav';
import { keyMomentRoutes } from './routes';

/** Key moments, the pay–safety link and mentoring (issue 11 §9; server: src/modules/responsibility/key-moments). */
export const keyMomentsWebModule: WebModule = { name: 'key-moments', routes: keyMomentRoutes, nav: keyMomentNavItems,
  messages: () => import('./key-moments.messages').then((m) => m.keyMomentsMessages),
};
