import type { WebModule } from '../../app/modules';
import { certificatesEnterpriseTabs } from './enterprise-tabs';
import { certificatesNavItems } from './nav';
import { certificatesRoutes } from './routes';

/** Certificates and "no certificate, no post" (issue 13 §2; server: src/modules/management/certificates). */
export const certificatesWebModule: WebModule = {
  name: 'certificates', routes: certificatesRoutes, nav: certificatesNavItems, enterpriseTabs: certificatesEnterpriseTabs,
  messages: () => import('./certificates.messages').then((m) => m.certificateMessages),
};
