import type { WebModule } from '../../app/modules';
import { rulesNavItems } from './nav';
import { rulesRoutes } from './routes';

/** 规则配置: every module's rule-sets on one screen for the district admin (server: src/platform/rules). */
export const rulesWebModule: WebModule = { name: 'rules', routes: rulesRoutes, nav: rulesNavItems,
  messages: () => import('./rules.messages').then((m) => m.rulesMessages),
};
