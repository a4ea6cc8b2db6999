import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const PpePage = page(() => import('./pages/PpePage'), 'PpePage');
const MyPpePage = page(() => import('./pages/MyPpePage'), 'MyPpePage');
const PpeOverviewPage = page(() => import('./pages/PpeOverviewPage'), 'PpeOverviewPage');

/** The PPE pages inside the signed-in layout (children of '/'). */
export const ppeRoutes: RouteObject[] = [
  { path: 'ppe', element: <RequireModulePermission permission="ppe.read"><PpePage /></RequireModulePermission>, handle: handle('nav.ppe') },
  { path: 'my-ppe', element: <RequireModulePermission permission="ppe.own"><MyPpePage /></RequireModulePermission>, handle: handle('nav.myPpe') },
  { path: 'ppe-overview', element: <RequireModulePermission permission="ppe.supervise"><PpeOverviewPage /></RequireModulePermission>, handle: handle('nav.ppeOverview') },
];
