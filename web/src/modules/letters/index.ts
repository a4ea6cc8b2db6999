import type { WebModule } from '../../app/modules';
import { lettersNavItems } from './nav';
import { lettersPublicRoutes, lettersRoutes } from './routes';

/** Letters, their signing campaigns and the principal's public safety commitment (server: src/modules/responsibility/letters). */
export const lettersWebModule: WebModule = { name: 'letters', routes: lettersRoutes, publicRoutes: lettersPublicRoutes, nav: lettersNavItems,
  messages: () => import('./letters.messages').then((m) => m.lettersMessages),
};
