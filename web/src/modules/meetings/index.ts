import type { WebModule } from '../../app/modules';
import { meetingEnterpriseTabs } from './enterprise-tabs';
import { meetingNavItems } from './nav';
import { meetingRoutes } from './routes';

/** Safety meetings and their tracked actions (issue 11 §8; server: src/modules/responsibility/meetings). */
export const meetingsWebModule: WebModule = { name: 'meetings', routes: meetingRoutes, nav: meetingNavItems, enterpriseTabs: meetingEnterpriseTabs,
  messages: () => import('./meetings.messages').then((m) => m.meetingsMessages),
};
