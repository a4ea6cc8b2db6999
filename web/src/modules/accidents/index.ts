import type { WebModule } from '../../app/modules';
import { accidentNavItems } from './nav';
import { accidentPublicRoutes, accidentRoutes } from './routes';

/** Accident reports (issue 14 §4; server: src/modules/accidents/reports): quick reports, reporting up, inbox, statistics. */
export const accidentsWebModule: WebModule = { name: 'accidents', routes: accidentRoutes, publicRoutes: accidentPublicRoutes, nav: accidentNavItems,
  messages: () => import('./accidents.messages').then((m) => m.accidentsMessages),
};
