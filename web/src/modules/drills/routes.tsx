import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const DrillsPage = page(() => import('./pages/DrillsPage'), 'DrillsPage');
const DrillDetailPage = page(() => import('./pages/DrillDetailPage'), 'DrillDetailPage');
const ReportedDrillsPage = page(() => import('./pages/ReportedDrillsPage'), 'ReportedDrillsPage');

/** The drill pages inside the signed-in layout (children of '/'), under the enterprise's address (notifications link there). */
export const drillRoutes: RouteObject[] = [
  {
    path: 'enterprises/:enterpriseId/drills',
    handle: handle('nav.drills'),
    children: [
      { index: true, element: <RequireModulePermission permission="drill.read"><DrillsPage /></RequireModulePermission> },
      { path: ':id', element: <RequireModulePermission permission="drill.read"><DrillDetailPage /></RequireModulePermission>, handle: handle('crumb.drill') },
    ],
  },
  { path: 'drills/reported', element: <RequireModulePermission permission="drill.read"><ReportedDrillsPage /></RequireModulePermission>, handle: handle('nav.reportedDrills') },
];
