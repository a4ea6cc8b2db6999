import type { WebModule } from '../../app/modules';
import { drillNavItems } from './nav';
import { drillRoutes } from './routes';

/** Emergency drills: the drill plan, records, evaluation and follow-up, reported drills (issue 14; server: src/modules/emergency/drills). */
export const drillsWebModule: WebModule = { name: 'drills', routes: drillRoutes, nav: drillNavItems,
  messages: () => import('./drills.messages').then((m) => m.drillsMessages),
};
