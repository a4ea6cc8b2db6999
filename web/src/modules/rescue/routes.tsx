import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const RescuePage = page(() => import('./pages/RescuePage'), 'RescuePage');
const RescueCardPage = page(() => import('./pages/RescueCardPage'), 'RescueCardPage');
const RescueSupervisionPage = page(() => import('./pages/RescueSupervisionPage'), 'RescueSupervisionPage');

/** The rescue pages inside the signed-in layout (children of '/'); the card is under the enterprise's address (regulators print it too). */
export const rescueRoutes: RouteObject[] = [
  { path: 'rescue', element: <RequireModulePermission permission="rescue.read"><RescuePage /></RequireModulePermission>, handle: handle('nav.rescue') },
  {
    path: 'rescue-supervision', handle: handle('nav.rescueSupervision'),
    element: <RequireModulePermission permission="rescue.read" when={(me) => !me.scope.enterpriseId}><RescueSupervisionPage /></RequireModulePermission>,
  },
  { path: 'enterprises/:enterpriseId/rescue-card', element: <RequireModulePermission permission="rescue.read"><RescueCardPage /></RequireModulePermission>, handle: handle('crumb.rescueCard') },
];
