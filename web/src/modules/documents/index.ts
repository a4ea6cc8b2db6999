import type { WebModule } from '../../app/modules';
import { documentsNavItems } from './nav';
import { documentsRoutes } from './routes';

/** Required rules, operating procedures and their acknowledgement (issue 12 §2; server: src/modules/management/documents). */
export const documentsWebModule: WebModule = { name: 'documents', routes: documentsRoutes, nav: documentsNavItems,
  messages: () => import('./documents.messages').then((m) => m.documentsMessages),
};
