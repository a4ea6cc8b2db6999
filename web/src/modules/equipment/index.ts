import type { WebModule } from '../../app/modules';
import { equipmentEnterpriseTabs } from './enterprise-tabs';
import { equipmentNavItems } from './nav';
import { equipmentRoutes } from './routes';

/** The equipment register, special equipment and renovation projects (issue 12 §5; server: src/modules/management/equipment). */
export const equipmentWebModule: WebModule = { name: 'equipment', routes: equipmentRoutes, nav: equipmentNavItems, enterpriseTabs: equipmentEnterpriseTabs,
  messages: () => import('./equipment.messages').then((m) => m.equipmentMessages),
};
