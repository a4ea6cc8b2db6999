import type { WebModule } from '../../app/modules';
import { accidentFollowupNavItems } from './nav';
import { accidentFollowupRoutes } from './routes';

/** investigation and interview (issue 14; server: src/modules/accidents/followup). */
export const accidentFollowupWebModule: WebModule = { name: 'accident-followup', routes: accidentFollowupRoutes, nav: accidentFollowupNavItems,
  messages: () => import('./accident-followup.messages').then((m) => m.accidentFollowupMessages),
};
